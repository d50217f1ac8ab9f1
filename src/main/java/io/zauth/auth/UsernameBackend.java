package io.zauth.auth;

import io.zauth.org.Organization;

/**
 * A backend that logs in by username, with a password ({@code email}, {@code ldap}) or without
 * one ({@code dev}).
 *
 * <p>A login runs in two steps so that the rate limit can count the person, not the spelling:
 * {@link #identify} finds who the attempt is about without checking any password, the chain
 * counts that identity (refusing with 429 when it is over its limit), and only then does
 * {@link #authenticate} judge the password.
 */
public interface UsernameBackend extends AuthBackend {

    @Override
    default CredentialKind credential() {
        return CredentialKind.PASSWORD;
    }

    /**
     * Whether it takes, for this organization, usernames that are not email addresses (Zulip's
     * require_email_format_usernames is false when one enabled backend does).
     */
    default boolean acceptsNonEmailUsernames(Organization organization) {
        return false;
    }

    /**
     * Who a login name stands for in the organization, before and without any password: a name
     * that resolves to nobody still gets an identity (its folded spelling), so guessing unknown
     * names is limited like known ones.
     *
     * @throws BackendUnavailableException when the backend cannot tell (its server is down)
     */
    Subject identify(Organization organization, String login);

    /**
     * Judges the credentials for the subject {@link #identify} found. Never throws for bad
     * credentials: a rejection says why, so the chain can answer as Zulip does.
     *
     * @throws BackendUnavailableException when the backend cannot judge (its server is down)
     */
    AuthOutcome authenticate(LoginAttempt attempt, Subject subject);
}
