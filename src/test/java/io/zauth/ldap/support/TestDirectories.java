package io.zauth.ldap.support;

/**
 * Hands out the one test directory of this JVM: slapd where it is installed, otherwise the embedded
 * UnboundID server, unless the environment variable {@code ZAUTH_REQUIRE_SLAPD=true} (set by CI)
 * demands slapd. The system property {@code ldap.test.directory} = {@code slapd} or {@code unboundid}
 * forces one kind.
 */
public final class TestDirectories {

    public static final String KIND_PROPERTY = "ldap.test.directory";
    public static final String REQUIRE_SLAPD_VARIABLE = "ZAUTH_REQUIRE_SLAPD";

    private static TestDirectory shared;

    private TestDirectories() {
    }

    /** The directory shared by this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TestDirectory start() {
        if (shared == null) {
            TestDirectory directory = startNew();
            Runtime.getRuntime().addShutdownHook(new Thread(directory::stop, "stop-test-directory"));
            shared = directory;
        }
        return shared;
    }

    /** A new directory of the kind chosen as described above; the caller stops it. */
    public static TestDirectory startNew() {
        String kind = System.getProperty(KIND_PROPERTY, "");
        switch (kind) {
            case "unboundid":
                return UnboundIdDirectory.start();
            case "slapd":
                requireSlapd(KIND_PROPERTY + "=slapd");
                return SlapdDirectory.start();
            case "":
                if (SlapdDirectory.isAvailable()) {
                    return SlapdDirectory.start();
                }
                if (slapdRequired()) {
                    requireSlapd(REQUIRE_SLAPD_VARIABLE + "=true");
                }
                return UnboundIdDirectory.start();
            default:
                throw new IllegalArgumentException(KIND_PROPERTY + " must be slapd or unboundid, not " + kind);
        }
    }

    /** Whether this run must use slapd (CI sets {@code ZAUTH_REQUIRE_SLAPD=true}). */
    public static boolean slapdRequired() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_SLAPD_VARIABLE));
    }

    private static void requireSlapd(String reason) {
        if (!SlapdDirectory.isAvailable()) {
            throw new IllegalStateException("slapd is required (" + reason + ") but /usr/sbin/slapd is not installed;"
                    + " install it with: apt-get install -y slapd ldap-utils openssl");
        }
    }
}
