package io.zauth.support;

import io.zauth.auth.UsernameBackend;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.Subject;
import io.zauth.org.Organization;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A backend that exists only in tests, to show that a new backend is one bean and nothing else:
 * it accepts the password {@code token:<email>} for existing users.
 */
@ApplicationScoped
public class TestBackend implements UsernameBackend {

    public static final String NAME = "test-token";

    private final UserAccounts users;

    TestBackend(UserAccounts users) {
        this.users = users;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subject identify(Organization organization, String login) {
        return Subject.of(NAME + ":" + organization.id() + ":" + login);
    }

    @Override
    public AuthOutcome authenticate(LoginAttempt attempt, Subject subject) {
        if (!attempt.password().equals("token:" + attempt.username())) {
            return AuthOutcome.rejected(Reason.BAD_CREDENTIALS);
        }
        return users.byEmail(attempt.organization().id(), attempt.username())
                .map(AuthOutcome::authenticated)
                .orElse(AuthOutcome.rejected(Reason.UNKNOWN_USER));
    }
}
