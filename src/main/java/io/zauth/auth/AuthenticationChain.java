package io.zauth.auth;

import io.zauth.auth.AuthOutcome.Authenticated;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.AuthOutcome.Rejected;
import io.zauth.error.ZulipErrors;
import io.zauth.ldap.DirectoryUnavailableException;
import io.zauth.org.Organization;
import io.zauth.password.HashingGate.HashingBusyException;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs an organization's password backends in its order until one accepts, then answers a
 * failure as Zulip's get_api_key_fetch_authenticate_failure does, with zauth's deliberate
 * differences: deactivation is only revealed after a right password.
 */
@ApplicationScoped
public class AuthenticationChain {

    private final AuthBackends backends;

    AuthenticationChain(AuthBackends backends) {
        this.backends = backends;
    }

    /** The organization's backends that check passwords, in its order. */
    public List<AuthBackend> passwordBackends(Organization organization) {
        return organization.methods().stream()
                .map(backends::byName)
                .flatMap(Optional::stream)
                .filter(AuthBackend::checksPasswords)
                .toList();
    }

    public boolean passwordAuthEnabled(Organization organization) {
        return !passwordBackends(organization).isEmpty();
    }

    /** Who logged in, and which backend said so. */
    public record Login(UserAccount user, String backend) {}

    public Login authenticate(LoginAttempt attempt) {
        Organization organization = attempt.organization();
        if (organization.deactivated()) {
            throw ZulipErrors.realmDeactivated();
        }
        List<AuthBackend> chain = passwordBackends(organization);
        if (chain.isEmpty()) {
            throw ZulipErrors.passwordAuthDisabled();
        }
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        boolean outage = false;
        for (AuthBackend backend : chain) {
            AuthOutcome outcome;
            try {
                outcome = backend.authenticate(attempt);
            } catch (DirectoryUnavailableException e) {
                outage = true;
                continue;
            } catch (HashingBusyException e) {
                throw ZulipErrors.serverBusy();
            }
            if (outcome instanceof Authenticated success) {
                return new Login(success.user(), backend.name());
            }
            reasons.add(((Rejected) outcome).reason());
        }
        throw failure(reasons, outage);
    }

    /** A backend that could not answer makes the result unknown: that is an outage, not a wrong password. */
    private static RuntimeException failure(Set<Reason> reasons, boolean outage) {
        if (reasons.contains(Reason.USER_DEACTIVATED)) {
            return ZulipErrors.userDeactivated();
        }
        if (reasons.contains(Reason.PASSWORD_RESET_REQUIRED)) {
            return ZulipErrors.passwordResetRequired();
        }
        return outage ? ZulipErrors.directoryUnavailable() : ZulipErrors.authenticationFailed();
    }
}
