package io.zauth.login;

import io.zauth.auth.AuthBackends;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Authenticated;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.AuthOutcome.Rejected;
import io.zauth.auth.BackendUnavailableException;
import io.zauth.auth.CredentialKind;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.Subject;
import io.zauth.auth.UsernameBackend;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.org.Organization;
import io.zauth.ratelimit.Admission;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an organization's password backends in its order until one accepts, then answers a
 * failure as Zulip's get_api_key_fetch_authenticate_failure does, with zauth's deliberate
 * differences: deactivation is only revealed after a right password.
 *
 * <p>Each backend's identity is charged to the rate limit before that backend checks the
 * password, and the charge is taken back only when the backend could not judge (its server is
 * down, hashing is saturated): once a backend said "wrong password" the attempt counts, whatever
 * the answer then is (Dex's connectors draw the same line between a judged and an unjudged login).
 */
@ApplicationScoped
public class AuthenticationChain {

    private final AuthBackends backends;

    AuthenticationChain(AuthBackends backends) {
        this.backends = backends;
    }

    /** The organization's backends that check passwords, in its order. */
    public List<UsernameBackend> passwordBackends(Organization organization) {
        return backends.usernameBackends(organization).stream()
                .filter(backend -> backend.credential() == CredentialKind.PASSWORD)
                .toList();
    }

    public boolean passwordAuthEnabled(Organization organization) {
        return !passwordBackends(organization).isEmpty();
    }

    /** Who logged in, and which backend said so. */
    public record Login(UserAccount user, String backend) {}

    /** Authenticates the attempt, charging each backend's identity on the admission; a failure throws the Zulip error to answer. */
    public Login authenticate(LoginAttempt attempt, Admission admission) {
        Organization organization = attempt.organization();
        if (organization.deactivated()) {
            throw ZulipErrors.realmDeactivated();
        }
        List<UsernameBackend> chain = passwordBackends(organization);
        if (chain.isEmpty()) {
            throw ZulipErrors.passwordAuthDisabled();
        }
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        ZulipException outage = null;
        for (UsernameBackend backend : chain) {
            AuthOutcome outcome;
            try {
                outcome = judge(backend, attempt, admission);
            } catch (BackendUnavailableException e) {
                outage = outage == null ? e.answer() : outage;
                continue;
            }
            if (outcome instanceof Authenticated success) {
                return new Login(success.user(), backend.name());
            }
            reasons.add(((Rejected) outcome).reason());
        }
        throw failure(reasons, outage);
    }

    /** Identifies, charges the identity, then lets the backend judge; what it could not judge is taken back. */
    private static AuthOutcome judge(UsernameBackend backend, LoginAttempt attempt, Admission admission) {
        Subject subject = backend.identify(attempt.organization(), attempt.username());
        Admission.Charge charge = admission.charge(subject.identity());
        try {
            return backend.authenticate(attempt, subject);
        } catch (RuntimeException e) {
            charge.takeBack();
            throw e;
        }
    }

    /**
     * The identities a login name stands for in the organization, one per password backend that
     * can tell: what {@code ratelimit reset} and a password change clear.
     *
     * @throws BackendUnavailableException after the others were collected, when a backend could not tell
     */
    public List<String> identities(Organization organization, String login) {
        List<String> identities = new ArrayList<>();
        BackendUnavailableException unavailable = null;
        for (UsernameBackend backend : passwordBackends(organization)) {
            try {
                identities.add(backend.identify(organization, login).identity());
            } catch (BackendUnavailableException e) {
                unavailable = e;
            }
        }
        if (unavailable != null && identities.isEmpty()) {
            throw unavailable;
        }
        return identities;
    }

    /** A backend that could not answer makes the result unknown: that is an outage, not a wrong password. */
    private static RuntimeException failure(Set<Reason> reasons, ZulipException outage) {
        if (reasons.contains(Reason.USER_DEACTIVATED)) {
            return ZulipErrors.userDeactivated();
        }
        if (reasons.contains(Reason.PASSWORD_RESET_REQUIRED)) {
            return ZulipErrors.passwordResetRequired();
        }
        return outage != null ? outage : ZulipErrors.authenticationFailed();
    }
}
