package io.zauth.auth;

import io.zauth.error.ZulipErrors;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;

/** Zulip's require_email_format_usernames and the email check that goes with it. */
@ApplicationScoped
public class UsernamePolicy {

    /** The organization's explicit setting, else Zulip's rule: email format unless a directory maps usernames. */
    public boolean requireEmailFormatUsernames(Organization organization) {
        if (organization.requireEmailFormatUsernames() != null) {
            return organization.requireEmailFormatUsernames();
        }
        return true;
    }

    /** Rejects, as Zulip's validate_login_email does, a username the organization cannot accept. */
    public void check(Organization organization, String username) {
        if (requireEmailFormatUsernames(organization) && !EmailAddresses.isValid(username)) {
            throw ZulipErrors.invalidEmail();
        }
    }
}
