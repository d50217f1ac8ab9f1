package io.zauth.ldap;

import io.zauth.org.Organization;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Zulip's sync_ldap_user_data for one organization: full names follow the directory and, when the
 * directory's {@code deactivate-non-matching} is on, users disabled in or missing from it are
 * deactivated. Every user is looked up before anything changes, so a directory error changes nothing.
 */
@ApplicationScoped
public class DirectorySync {

    public record Report(int checked, int renamed, int deactivated) {}

    private final Directories directories;
    private final UserAccounts users;

    DirectorySync(Directories directories, UserAccounts users) {
        this.directories = directories;
        this.users = users;
    }

    public Report sync(Organization organization) {
        Directory directory = directories.of(organization)
                .orElseThrow(() -> new IllegalArgumentException("organization '" + organization.subdomain() + "' names no directory"));
        List<Lookup> lookups = new ArrayList<>();
        for (UserAccount user : users.list(organization.id())) {
            lookups.add(new Lookup(user, lookUp(directory, user)));
        }
        AccountState state = directory.accountState();
        boolean deactivateNonMatching = directory.settings().deactivateNonMatching();
        int renamed = 0;
        int deactivated = 0;
        for (Lookup lookup : lookups) {
            UserAccount user = lookup.user();
            Optional<DirectoryEntry> entry = lookup.entry();
            if (entry.isPresent()) {
                String name = LdapAuthBackend.fullName(directory.settings(), entry.get());
                if (!name.equals(user.fullName())) {
                    users.setFullName(user.id(), name);
                    renamed++;
                }
            }
            boolean gone = entry.isEmpty() || state.isDisabled(entry.get());
            if (gone && deactivateNonMatching && user.active()) {
                users.setActive(user.id(), false);
                deactivated++;
            }
        }
        return new Report(lookups.size(), renamed, deactivated);
    }

    private static Optional<DirectoryEntry> lookUp(Directory directory, UserAccount user) {
        String login = user.directoryUsername() != null ? user.directoryUsername() : user.email();
        Optional<DirectoryEntry> found = directory.find(login);
        if (found.isPresent() && found.get().entry() == null) {
            return directory.read(found.get().dn(), found.get().username());
        }
        return found;
    }

    private record Lookup(UserAccount user, Optional<DirectoryEntry> entry) {}
}
