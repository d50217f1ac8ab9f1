package io.zauth.ldap;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One directory under {@code zauth.directories."<name>".*}. Organizations name it; several may
 * share it. Never log this object: it holds the service bind password.
 */
public interface DirectorySettings {

    /** {@code ldap://host:port} or {@code ldaps://host:port}, tried in order on connection failure. */
    List<String> urls();

    /** Service account for searches; absent means anonymous searches (or DN-template binds only). */
    Optional<String> bindDn();

    Optional<String> bindPassword();

    /** Search-then-bind: where and how to find a user; {@code {0}} is the (escaped) username. */
    Optional<String> userSearchBase();

    @WithDefault("(uid={0})")
    String userSearchFilter();

    @WithDefault("sub")
    String searchScope();

    /** Direct bind: e.g. {@code uid={0},ou=people,dc=example,dc=org}; when set, no user search is made. */
    Optional<String> userDnTemplate();

    /** Upgrade {@code ldap://} connections with StartTLS; failure to upgrade fails the connection. */
    @WithDefault("false")
    boolean startTls();

    /** CA certificates to trust for TLS: a PEM file, or a PKCS#12 file (with its password). */
    Optional<String> trustStore();

    Optional<String> trustStorePassword();

    @WithDefault("true")
    boolean verifyHostname();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    @WithDefault("false")
    boolean followReferrals();

    /** Pooled connections per purpose (service searches, user binds). */
    @WithDefault("16")
    int poolSize();

    /** Zulip's LDAP_APPEND_DOMAIN: email {@code x@D} is directory user {@code x}. */
    Optional<String> appendDomain();

    /** Zulip's LDAP_EMAIL_ATTR: the attribute holding the user's email (e.g. {@code mail}). */
    Optional<String> emailAttribute();

    /** Zulip's AUTH_LDAP_REVERSE_EMAIL_SEARCH: finds the entry of an email login, {@code {0}} is the email. */
    Optional<String> emailSearchFilter();

    @WithDefault("cn")
    String fullNameAttribute();

    /** When both are set, the full name is "first last" (Zulip's first_name/last_name mapping). */
    Optional<String> firstNameAttribute();

    Optional<String> lastNameAttribute();

    /** Zulip's org_membership: the attribute listing the subdomains a user may use. */
    Optional<String> orgMembershipAttribute();

    /**
     * Zulip's AUTH_LDAP_ADVANCED_REALM_ACCESS_CONTROL per organization subdomain: any one group
     * ({@code attr=value&attr2=value2}, all pairs present) admits the user.
     */
    Map<String, List<String>> accessControl();

    /** How the directory says an account is disabled: none, user-account-control, deactivated, ns-account-lock. */
    @WithDefault("none")
    String accountState();

    /** {@code ldap sync} deactivates users disabled in or missing from the directory. */
    @WithDefault("false")
    boolean deactivateNonMatching();
}
