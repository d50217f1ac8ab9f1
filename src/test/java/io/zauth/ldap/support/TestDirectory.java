package io.zauth.ldap.support;

import java.nio.file.Path;

/**
 * A running LDAP directory for tests, seeded with {@link SeedPeople}: OpenLDAP's slapd where it is
 * installed ({@link SlapdDirectory}), otherwise an embedded UnboundID server ({@link
 * UnboundIdDirectory}). Obtain one with {@link TestDirectories#start()}.
 */
public interface TestDirectory {

    /** Plain LDAP, {@code ldap://127.0.0.1:port}. */
    String ldapUrl();

    /** LDAPS on another port; the certificate names IP 127.0.0.1 and DNS localhost, signed by {@link #caCertificatePem()}. */
    String ldapsUrl();

    /** Where StartTLS works: the same as {@link #ldapUrl()}. */
    String startTlsUrl();

    /**
     * {@code ldaps://localhost:port}, whose certificate, signed by the same CA, names only {@code
     * wrong.example}: hostname verification must refuse it. The host is the name {@code localhost}, not
     * 127.0.0.1, because UnboundID's {@code HostNameSSLSocketVerifier} accepts any certificate when the
     * host is a loopback IP literal.
     */
    String wrongHostLdapsUrl();

    /** Plain LDAP with the same people where the StartTLS extended operation fails. */
    String noStartTlsUrl();

    /** The test CA certificate (PEM), generated at start. */
    Path caCertificatePem();

    /** The test CA certificate as a PKCS#12 trust store, password {@code changeit}. */
    Path caTrustStorePkcs12();

    /** Every test directory holds the same people under the same base. */
    default String baseDn() {
        return SeedPeople.BASE_DN;
    }

    /** {@code cn=zauth-service,dc=example,dc=org}: may read every entry. */
    default String serviceDn() {
        return SeedPeople.SERVICE_DN;
    }

    default String servicePassword() {
        return SeedPeople.SERVICE_PASSWORD;
    }

    /**
     * The log of every operation on {@link #ldapUrl()}, {@link #ldapsUrl()} and {@link #startTlsUrl()}
     * in slapd's stats format ({@code conn=N op=M BIND dn="…"}, {@code … RESULT tag=97 err=0}); null
     * for the embedded stand-in, which keeps none.
     */
    default Path operationLog() {
        return null;
    }

    /** Bind operations received so far from anyone but the harness itself, over every endpoint above. */
    long bindCount();

    /** Adds the entries in {@code ldif} (one or more LDIF entry records; cleartext userPassword values are fine). */
    void add(String ldif);

    /** Applies LDIF change records ({@code changetype: modify}, or any other changetype). */
    void modify(String ldif);

    /** Deletes one entry (it must have no children). */
    void delete(String dn);

    /** True for OpenLDAP slapd, false for the embedded stand-in. */
    boolean isSlapd();

    /** Stops every server and removes temporary files; safe to call twice. */
    void stop();
}
