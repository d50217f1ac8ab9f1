package io.zauth.auth;

/**
 * Who a login attempt is about, as one backend found it before any password was checked. The
 * rate limit counts {@link #identity()}, so every spelling that reaches one person draws on one
 * count. Backends that need more to check the password keep it in their own implementation.
 */
public interface Subject {

    /**
     * The canonical identity whose password is being guessed, prefixed with its namespace (an
     * organization's addresses, a directory's entries); never shown to anyone, stored only as a digest.
     */
    String identity();

    static Subject of(String identity) {
        return new Named(identity);
    }

    record Named(String identity) implements Subject {}
}
