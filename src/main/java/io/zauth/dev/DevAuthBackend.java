package io.zauth.dev;

import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.CredentialKind;
import io.zauth.auth.EmailAddresses;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.Subject;
import io.zauth.auth.UsernameBackend;
import io.zauth.org.Organization;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Zulip's DevAuthBackend: logs in any existing user by email alone. Only dev_fetch_api_key uses it,
 * and that endpoint exists only when {@code zauth.dev-auth.enabled} is on.
 */
@ApplicationScoped
public class DevAuthBackend implements UsernameBackend {

    public static final String NAME = "dev";

    private final UserAccounts users;
    private final DevAuthConfig config;

    DevAuthBackend(UserAccounts users, DevAuthConfig config) {
        this.users = users;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only where {@code zauth.dev-auth.enabled} is on: never in production. */
    @Override
    public boolean offered() {
        return config.enabled();
    }

    @Override
    public CredentialKind credential() {
        return CredentialKind.NONE;
    }

    @Override
    public Subject identify(Organization organization, String login) {
        return Subject.of("dev:" + organization.id() + ":" + EmailAddresses.canonical(login));
    }

    @Override
    public AuthOutcome authenticate(LoginAttempt attempt, Subject subject) {
        if (!attempt.organization().hasMethod(NAME)) {
            return AuthOutcome.rejected(Reason.NOT_ALLOWED);
        }
        Optional<UserAccount> user = users.byEmail(attempt.organization().id(), attempt.username());
        if (user.isEmpty()) {
            return AuthOutcome.rejected(Reason.UNKNOWN_USER);
        }
        return user.get().active()
                ? AuthOutcome.authenticated(user.get())
                : AuthOutcome.rejected(Reason.USER_DEACTIVATED);
    }
}
