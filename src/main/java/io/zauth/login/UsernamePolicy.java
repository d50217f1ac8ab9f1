package io.zauth.login;

import io.zauth.error.ZulipErrors;
import io.zauth.auth.AuthBackends;
import io.zauth.auth.EmailAddresses;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;

/** Zulip's require_email_format_usernames and the email check that goes with it. */
@ApplicationScoped
public class UsernamePolicy {

    private final AuthBackends backends;

    UsernamePolicy(AuthBackends backends) {
        this.backends = backends;
    }

    /**
     * The organization's explicit setting, else Zulip's rule: email format unless one of its
     * backends takes usernames that are not emails (LDAP with append-domain or an email attribute).
     */
    public boolean requireEmailFormatUsernames(Organization organization) {
        if (organization.requireEmailFormatUsernames() != null) {
            return organization.requireEmailFormatUsernames();
        }
        return backends.usernameBackends(organization).stream()
                .noneMatch(backend -> backend.acceptsNonEmailUsernames(organization));
    }

    /** Rejects, as Zulip's validate_login_email does, a username the organization cannot accept. */
    public void check(Organization organization, String username) {
        if (requireEmailFormatUsernames(organization) && !EmailAddresses.isValid(username)) {
            throw ZulipErrors.invalidEmail();
        }
    }
}
