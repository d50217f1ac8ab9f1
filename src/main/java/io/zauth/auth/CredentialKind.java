package io.zauth.auth;

/** What a backend checks besides the name: how the chain and server_settings tell backends apart. */
public enum CredentialKind {
    /** A username and a password ({@code fetch_api_key}); counts for Zulip's password_auth_enabled. */
    PASSWORD,
    /** A token issued by someone else ({@code <method>/fetch_api_key}, e.g. Zulip's JWT login). */
    TOKEN,
    /** A username alone (development logins). */
    NONE
}
