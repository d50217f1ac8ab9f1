package io.zauth.cli;

import io.zauth.audit.AuditLog;
import io.zauth.login.AuthenticationChain;
import io.zauth.auth.BackendUnavailableException;
import io.zauth.ratelimit.LoginRateLimiter;
import io.zauth.auth.PasswordPolicy;
import io.zauth.org.Organization;
import io.zauth.org.Organizations;
import io.zauth.password.PasswordHasher;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage users.", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserCommand.Deactivate.class,
                UserCommand.Reactivate.class, UserCommand.SetPassword.class, UserCommand.RequireReset.class,
                UserCommand.RegenerateKey.class})
public class UserCommand {

    abstract static class UserSubcommand implements Runnable {
        @Inject
        Organizations organizations;

        @Inject
        UserAccounts users;

        @Inject
        PasswordHasher hasher;

        @Inject
        AuditLog audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--org", required = true, description = "Organization subdomain (\"\" for the root domain).")
        String subdomain;

        Organization organization() {
            return organizations.require(subdomain);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        String newPasswordHash(Organization organization) {
            String password = PasswordInput.read();
            PasswordPolicy.requireAcceptable(organization, password);
            return hasher.hash(password);
        }
    }

    /** Commands on one existing user, named by email. */
    abstract static class OneUser extends UserSubcommand {
        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        UserAccount user() {
            return users.byEmail(organization().id(), email)
                    .orElseThrow(() -> new IllegalArgumentException("no user '" + email + "' in organization '" + subdomain + "'"));
        }

        @Override
        public void run() {
            UserAccount changed = apply(user());
            audit.adminAction("user " + spec.name(), changed.email() + " in " + subdomain);
            out().printf("%d\t%s\t%s%n", changed.id(), changed.email(), changed.active() ? "active" : "deactivated");
        }

        abstract UserAccount apply(UserAccount user);
    }

    @Command(name = "create", description = "Create a user; prints the new user's id.")
    static class Create extends UserSubcommand {
        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--full-name", required = true)
        String fullName;

        @Option(names = "--role", defaultValue = "member", description = "owner, admin, moderator, member or guest (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--password-stdin", description = "Read a password from standard input; without it the user has no usable password.")
        boolean passwordFromStdin;

        @Override
        public void run() {
            Organization organization = organization();
            if (!io.zauth.auth.EmailAddresses.isValid(email.strip())) {
                throw new IllegalArgumentException("'" + email + "' is not a valid email address");
            }
            if (fullName.isBlank()) {
                throw new IllegalArgumentException("the full name must not be empty");
            }
            Role parsedRole = Role.parse(role);
            String hash = passwordFromStdin ? newPasswordHash(organization) : null;
            UserAccount user = users.create(new NewUser(organization.id(), email, fullName.strip(), parsedRole, hash));
            audit.adminAction("user create", user.email() + " in " + subdomain);
            out().println(user.id());
        }
    }

    @Command(name = "list", description = "List users: id, email, role, state, full name.")
    static class ListUsers extends UserSubcommand {
        @Override
        public void run() {
            for (UserAccount u : users.list(organization().id())) {
                out().printf("%d\t%s\t%s\t%s\t%s%n", u.id(), u.email(), u.role().name().toLowerCase(java.util.Locale.ROOT),
                        u.active() ? "active" : "deactivated", u.fullName());
            }
        }
    }

    @Command(name = "deactivate", description = "Deactivate a user: logins and the key are refused.")
    static class Deactivate extends OneUser {
        @Override
        UserAccount apply(UserAccount user) {
            return users.setActive(user.id(), false);
        }
    }

    @Command(name = "reactivate", description = "Reactivate a user.")
    static class Reactivate extends OneUser {
        @Override
        UserAccount apply(UserAccount user) {
            return users.setActive(user.id(), true);
        }
    }

    @Command(name = "set-password", description = "Set a password read from standard input; clears the user's login rate limit.")
    static class SetPassword extends OneUser {
        @Inject
        LoginRateLimiter rateLimiter;

        @Inject
        AuthenticationChain chain;

        @Override
        UserAccount apply(UserAccount user) {
            Organization organization = organization();
            UserAccount changed = users.setPasswordHash(user.id(), newPasswordHash(organization));
            forgetAttempts(organization, changed.email());
            if (changed.directoryUsername() != null) {
                forgetAttempts(organization, changed.directoryUsername());
            }
            return changed;
        }

        /** The password is set whatever happens here: a directory that cannot answer leaves only its count. */
        private void forgetAttempts(Organization organization, String login) {
            try {
                chain.identities(organization, login).forEach(rateLimiter::reset);
            } catch (BackendUnavailableException e) {
                spec.commandLine().getErr().println("zauth: the login attempts of '" + login
                        + "' could not all be cleared: " + e.getMessage());
            }
        }
    }

    @Command(name = "require-reset", description = "Refuse the user's password until it is set again.")
    static class RequireReset extends OneUser {
        @Override
        UserAccount apply(UserAccount user) {
            return users.requirePasswordReset(user.id());
        }
    }

    @Command(name = "regenerate-key", description = "Replace the user's API key; the old one stops working at once.")
    static class RegenerateKey extends OneUser {
        @Override
        UserAccount apply(UserAccount user) {
            return users.regenerateApiKey(user.id());
        }
    }
}
