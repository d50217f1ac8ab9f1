package io.zauth.email;

import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.EmailAddresses;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.PasswordPolicy;
import io.zauth.auth.Subject;
import io.zauth.auth.UsernameBackend;
import io.zauth.org.Organization;
import io.zauth.password.HashingGate;
import io.zauth.password.LoginPasswordCheck;
import io.zauth.password.LoginPasswordCheck.StoredHash;
import io.zauth.password.PasswordHasher;
import io.zauth.password.PasswordHasher.Verification;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Zulip's EmailAuthBackend: the delivery email and a password hash kept in the database.
 * Every non-empty attempt costs one verification, and a failed one as long as the organization's
 * costliest hash ({@link LoginPasswordCheck}), so an unknown user, a wrong password, an imported
 * hash and a user without a usable password take the same time.
 */
@ApplicationScoped
public class EmailAuthBackend implements UsernameBackend {

    public static final String NAME = "email";

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final HashingGate gate;
    private final LoginPasswordCheck passwords;

    EmailAuthBackend(UserAccounts users, PasswordHasher hasher, HashingGate gate, LoginPasswordCheck passwords) {
        this.users = users;
        this.hasher = hasher;
        this.gate = gate;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The organization's address in its canonical form, whether or not anyone holds it. */
    @Override
    public Subject identify(Organization organization, String login) {
        return Subject.of(identity(organization, login));
    }

    /** What the rate limit counts for an email login: quoted, escaped, case and Unicode variants are one address. */
    public static String identity(Organization organization, String login) {
        return "email:" + organization.id() + ":" + EmailAddresses.canonical(login);
    }

    @Override
    public AuthOutcome authenticate(LoginAttempt attempt, Subject subject) {
        try {
            return judge(attempt);
        } catch (HashingGate.HashingBusyException e) {
            throw new HashingSaturatedException();
        }
    }

    private AuthOutcome judge(LoginAttempt attempt) {
        if (attempt.password().isEmpty()) {
            return AuthOutcome.rejected(Reason.BAD_CREDENTIALS);
        }
        Optional<UserAccount> found = users.byEmail(attempt.organization().id(), attempt.username());
        Verification verification = passwords.verify(attempt.organization().passwordHashClasses(),
                found.filter(UserAccount::hasUsablePassword).map(u -> new StoredHash(u.id(), u.passwordHash())),
                attempt.password());
        if (!verification.matches()) {
            return AuthOutcome.rejected(found.isEmpty() ? Reason.UNKNOWN_USER : Reason.BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        if (!user.active()) {
            return AuthOutcome.rejected(Reason.USER_DEACTIVATED);
        }
        if (user.passwordResetRequired()) {
            return AuthOutcome.rejected(Reason.PASSWORD_RESET_REQUIRED);
        }
        if (verification.needsRehash()) {
            return upgradeHash(attempt, user);
        }
        return AuthOutcome.authenticated(user);
    }

    /** Django re-hashes an outdated hash on login, and refuses when the password no longer meets the policy. */
    private AuthOutcome upgradeHash(LoginAttempt attempt, UserAccount user) {
        if (!PasswordPolicy.isAcceptable(attempt.organization(), attempt.password())) {
            return AuthOutcome.rejected(Reason.PASSWORD_RESET_REQUIRED);
        }
        users.upgradePasswordHash(user.id(), user.passwordHash(), gate.run(() -> hasher.hash(attempt.password())));
        return AuthOutcome.authenticated(user);
    }
}
