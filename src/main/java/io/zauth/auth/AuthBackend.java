package io.zauth.auth;

/**
 * One way of checking who is logging in, like an entry of Zulip's AUTHENTICATION_BACKENDS.
 * Implementations are CDI beans; an organization's method list names them in the order they run.
 * Adding a backend is one such bean: nothing else changes.
 */
public interface AuthBackend {

    /** The name an organization's method list uses, e.g. {@code email}, {@code ldap}. */
    String name();

    /** Whether it checks a username and password (so it counts for Zulip's password_auth_enabled). */
    default boolean checksPasswords() {
        return true;
    }

    /** Never throws for bad credentials: a rejection says why, so the chain can answer as Zulip does. */
    AuthOutcome authenticate(LoginAttempt attempt);
}
