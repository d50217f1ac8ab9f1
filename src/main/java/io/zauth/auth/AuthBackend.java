package io.zauth.auth;

/**
 * One way of checking who is logging in, like an entry of Zulip's AUTHENTICATION_BACKENDS.
 * Implementations are CDI beans; an organization's method list names them in the order they run.
 * A backend implements the capability its credential needs: {@link UsernameBackend} for a
 * username with a password (or none), {@link TokenBackend} for a token.
 */
public interface AuthBackend {

    /** The name an organization's method list uses, e.g. {@code email}, {@code ldap}. */
    String name();

    /** What it checks besides the name. */
    CredentialKind credential();

    /** Whether this server offers it at all (development login, for one, only where it is switched on). */
    default boolean offered() {
        return true;
    }
}
