package io.zauth.ldap;

import io.zauth.auth.UsernameBackend;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.EmailAddresses;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.Spellings;
import io.zauth.auth.Subject;
import io.zauth.org.Organization;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Zulip's ZulipLDAPAuthBackend: the organization's directory checks the password with a bind as
 * the person; their first successful login creates the zauth user. Throws
 * {@link DirectoryUnavailableException} when the directory cannot be reached, which is an outage,
 * not a failed attempt. The rate limit counts the directory entry, found before the bind.
 */
@ApplicationScoped
public class LdapAuthBackend implements UsernameBackend {

    public static final String NAME = "ldap";
    private static final Logger LOG = Logger.getLogger(LdapAuthBackend.class);

    private final Directories directories;
    private final UserAccounts users;

    LdapAuthBackend(Directories directories, UserAccounts users) {
        this.directories = directories;
        this.users = users;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Directory usernames when the organization's directory maps them to emails (append-domain, an email attribute). */
    @Override
    public boolean acceptsNonEmailUsernames(Organization organization) {
        return directories.of(organization).map(d -> d.mapping().mapsUsernamesToEmails()).orElse(false);
    }

    /**
     * The directory entry the name finds (by the service account's search, or the DN template),
     * shared by every organization that uses the directory; a name that finds no entry is its
     * folded spelling within the directory.
     */
    @Override
    public Subject identify(Organization organization, String login) {
        Optional<Directory> directory = directories.of(organization);
        if (directory.isEmpty()) {
            return new Found("directory-less:" + organization.id() + ":" + Spellings.fold(login), null, Optional.empty());
        }
        Optional<DirectoryEntry> entry = directory.get().find(login);
        String identity = entry.map(e -> directory.get().identityOf(e))
                .orElseGet(() -> directory.get().identityOfUnknown(login));
        return new Found(identity, directory.get(), entry);
    }

    @Override
    public AuthOutcome authenticate(LoginAttempt attempt, Subject subject) {
        Found found = (Found) subject;
        if (found.directory() == null) {
            LOG.warnf("Organization '%s' enables ldap but names no configured directory", attempt.organization().subdomain());
            return AuthOutcome.rejected(Reason.UNKNOWN_USER);
        }
        if (!Directory.isBindablePassword(attempt.password())) {
            return AuthOutcome.rejected(Reason.BAD_CREDENTIALS);
        }
        if (found.entry().isEmpty()) {
            return AuthOutcome.rejected(Reason.UNKNOWN_USER);
        }
        Optional<DirectoryEntry> bound = found.directory().bind(found.entry().get(), attempt.password());
        if (bound.isEmpty()) {
            return AuthOutcome.rejected(Reason.BAD_CREDENTIALS);
        }
        return admit(found.directory(), attempt, bound.get());
    }

    /** What identify found, handed to authenticate. */
    private record Found(String identity, Directory directory, Optional<DirectoryEntry> entry) implements Subject {}

    /** After a right password: the directory's account state and access rules, then the zauth user. */
    private AuthOutcome admit(Directory directory, LoginAttempt attempt, DirectoryEntry entry) {
        DirectorySettings settings = directory.settings();
        if (directory.accountState().isDisabled(entry)) {
            return AuthOutcome.rejected(Reason.USER_DEACTIVATED);
        }
        if (!directory.accessRules().admits(entry, attempt.organization())) {
            return AuthOutcome.rejected(Reason.NOT_ALLOWED);
        }
        Optional<String> email = directory.mapping().emailOf(entry).map(String::strip).filter(EmailAddresses::isValid);
        if (email.isEmpty()) {
            LOG.warnf("Directory '%s': entry %s has no usable email", directory.name(), entry.dn());
            return AuthOutcome.rejected(Reason.NOT_ALLOWED);
        }
        long organizationId = attempt.organization().id();
        UserAccount user = users.findOrCreate(new NewUser(organizationId, email.get(), fullName(settings, entry), Role.MEMBER, null));
        if (!user.active()) {
            return AuthOutcome.rejected(Reason.USER_DEACTIVATED);
        }
        if (!attempt.username().equalsIgnoreCase(user.email()) && !attempt.username().equals(user.directoryUsername())) {
            user = users.rememberDirectoryUsername(user.id(), attempt.username());
        }
        return AuthOutcome.authenticated(user);
    }

    static String fullName(DirectorySettings settings, DirectoryEntry entry) {
        if (settings.firstNameAttribute().isPresent() && settings.lastNameAttribute().isPresent()) {
            String first = entry.first(settings.firstNameAttribute().get()).orElse("");
            String last = entry.first(settings.lastNameAttribute().get()).orElse("");
            String joined = (first + " " + last).strip();
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        return entry.first(settings.fullNameAttribute()).map(String::strip).filter(n -> !n.isEmpty()).orElse(entry.username());
    }
}
