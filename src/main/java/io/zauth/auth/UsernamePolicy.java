package io.zauth.auth;

import io.zauth.error.ZulipErrors;
import io.zauth.ldap.Directories;
import io.zauth.ldap.LdapAuthBackend;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;

/** Zulip's require_email_format_usernames and the email check that goes with it. */
@ApplicationScoped
public class UsernamePolicy {

    private final Directories directories;

    UsernamePolicy(Directories directories) {
        this.directories = directories;
    }

    /**
     * The organization's explicit setting, else Zulip's rule: email format unless LDAP is enabled
     * and its directory maps usernames to emails (append-domain or an email attribute).
     */
    public boolean requireEmailFormatUsernames(Organization organization) {
        if (organization.requireEmailFormatUsernames() != null) {
            return organization.requireEmailFormatUsernames();
        }
        boolean directoryUsernames = organization.hasMethod(LdapAuthBackend.NAME)
                && directories.of(organization).map(d -> d.mapping().mapsUsernamesToEmails()).orElse(false);
        return !directoryUsernames;
    }

    /** Rejects, as Zulip's validate_login_email does, a username the organization cannot accept. */
    public void check(Organization organization, String username) {
        if (requireEmailFormatUsernames(organization) && !EmailAddresses.isValid(username)) {
            throw ZulipErrors.invalidEmail();
        }
    }
}
