package io.zauth.ldap.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/** Proves every endpoint of the test directory, on slapd and on the embedded fallback. */
class TestDirectoryTest {

    @Nested
    class OnSlapd extends Contract {
        @Override
        TestDirectory startDirectory() {
            assumeTrue(SlapdDirectory.isAvailable() || TestDirectories.slapdRequired(),
                    "slapd is not installed (apt-get install slapd ldap-utils)");
            return SlapdDirectory.start();
        }
    }

    @Nested
    class OnUnboundId extends Contract {
        @Override
        TestDirectory startDirectory() {
            return UnboundIdDirectory.start();
        }
    }

    @Test
    void theSystemPropertyForcesTheEmbeddedServer() {
        String previous = System.getProperty(TestDirectories.KIND_PROPERTY);
        System.setProperty(TestDirectories.KIND_PROPERTY, "unboundid");
        try {
            TestDirectory directory = TestDirectories.startNew();
            try {
                assertFalse(directory.isSlapd());
            } finally {
                directory.stop();
            }
        } finally {
            if (previous == null) {
                System.clearProperty(TestDirectories.KIND_PROPERTY);
            } else {
                System.setProperty(TestDirectories.KIND_PROPERTY, previous);
            }
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        private TestDirectory directory;

        abstract TestDirectory startDirectory();

        @BeforeAll
        void startTheDirectory() {
            directory = startDirectory();
        }

        @AfterAll
        void stopTheDirectory() {
            if (directory != null) {
                directory.stop();
            }
        }

        @Test
        void plainBindsAreCountedOneByOne() throws Exception {
            long before = directory.bindCount();
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
                assertEquals(before + 1, directory.bindCount());
                connection.bind(SeedPeople.dnOf("aaron"), "secret-aaron");
                assertEquals(before + 2, directory.bindCount());
                LDAPException refused = assertThrows(LDAPException.class,
                        () -> connection.bind(SeedPeople.dnOf("hamlet"), "wrong"));
                assertEquals(ResultCode.INVALID_CREDENTIALS, refused.getResultCode());
                assertEquals(before + 3, directory.bindCount());
            }
            assertEquals(before + 3, directory.bindCount(), "reading the counter is not a bind");
        }

        @Test
        void serviceAccountReadsPeopleAndTheirStateAttributes() throws Exception {
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                connection.bind(directory.serviceDn(), directory.servicePassword());
                SearchResultEntry hamlet = findOne(connection, "uid", "hamlet");
                assertEquals("hamlet@example.org", hamlet.getAttributeValue("mail"));
                assertEquals("zulip", hamlet.getAttributeValue("department"));
                assertEquals("514", findOne(connection, "uid", "disabled-ad").getAttributeValue("userAccountControl"));
                assertEquals("TRUE", findOne(connection, "uid", "deactivated-true").getAttributeValue("deactivated"));
                if (!directory.isSlapd()) {
                    assertNull(findOne(connection, "uid", "locked").getAttributeValue("nsAccountLock"),
                            "nsAccountLock is operational, as in 389-DS: not among the attributes * returns");
                }
                assertEquals("TRUE", connection.searchForEntry("ou=people," + directory.baseDn(), SearchScope.SUB,
                        Filter.createEqualityFilter("uid", "locked"), "*", "nsAccountLock").getAttributeValue("nsAccountLock"));
                assertEquals(2, search(connection, Filter.createEqualityFilter("mail", "shared@example.org"))
                        .getEntryCount());
                SearchResult rule = search(connection, Filter.createANDFilter(
                        Filter.createEqualityFilter("test1", "test"), Filter.createEqualityFilter("test2", "testing")));
                assertEquals(1, rule.getEntryCount());
            }
        }

        @Test
        void onSlapdUsersFindOnlyTheirOwnEntryAndNobodyReadsPasswords() throws Exception {
            assumeTrue(directory.isSlapd(), "the embedded server has no access control");
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
                assertEquals(0, search(connection, Filter.createEqualityFilter("uid", "aaron")).getEntryCount());
                SearchResultEntry self = findOne(connection, "uid", "hamlet");
                assertNull(self.getAttribute("userPassword"));
                connection.bind(directory.serviceDn(), directory.servicePassword());
                assertNull(findOne(connection, "uid", "aaron").getAttribute("userPassword"));
            }
        }

        @Test
        void ldapsIsTrustedThroughTheTestCa() throws Exception {
            for (SSLUtil tls : new SSLUtil[] {pemTrust(), trustStoreTrust()}) {
                try (LDAPConnection connection = connect(directory.ldapsUrl(), verifyingHostName(), tls)) {
                    BindResult result = connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
                    assertEquals(ResultCode.SUCCESS, result.getResultCode());
                }
            }
        }

        @Test
        void ldapsCertificateNamesLocalhost() throws Exception {
            String byName = directory.ldapsUrl().replace("//127.0.0.1:", "//localhost:");
            try (LDAPConnection connection = connect(byName, verifyingHostName(), pemTrust())) {
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
            }
        }

        @Test
        void hostNameVerificationRefusesTheWrongHostCertificate() throws Exception {
            assertThrows(LDAPException.class, () -> connect(directory.wrongHostLdapsUrl(), verifyingHostName(),
                    pemTrust()).close());
            // The same CA signed it: without hostname verification the certificate is accepted.
            try (LDAPConnection connection = connect(directory.wrongHostLdapsUrl(), new LDAPConnectionOptions(),
                    pemTrust())) {
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
            }
        }

        @Test
        void startTlsWorksOnTheStartTlsUrl() throws Exception {
            SSLContext context = pemTrust().createSSLContext();
            try (LDAPConnection connection = connect(directory.startTlsUrl(), verifyingHostName())) {
                ExtendedResult result = connection.processExtendedOperation(new StartTLSExtendedRequest(context));
                assertEquals(ResultCode.SUCCESS, result.getResultCode());
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
            }
        }

        @Test
        void startTlsFailsOnTheNoStartTlsUrl() throws Exception {
            SSLContext context = pemTrust().createSSLContext();
            try (LDAPConnection connection = connect(directory.noStartTlsUrl(), new LDAPConnectionOptions())) {
                ResultCode code;
                try {
                    code = connection.processExtendedOperation(new StartTLSExtendedRequest(context)).getResultCode();
                } catch (LDAPException e) {
                    code = e.getResultCode();
                }
                assertNotEquals(ResultCode.SUCCESS, code);
            }
            // The same people are there, in clear.
            try (LDAPConnection connection = connect(directory.noStartTlsUrl(), new LDAPConnectionOptions())) {
                connection.bind(SeedPeople.dnOf("hamlet"), "secret-hamlet");
            }
        }

        @Test
        void eachHostileUidMatchesExactlyItsOwnEntry() throws Exception {
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                connection.bind(directory.serviceDn(), directory.servicePassword());
                assertAll(SeedPeople.HOSTILE_UIDS.stream().map(hostile -> (Executable) () -> {
                    SearchResultEntry entry = findOne(connection, "uid", hostile.uid());
                    assertEquals(hostile.mail(), entry.getAttributeValue("mail"), hostile.uid());
                    assertEquals(new DN(SeedPeople.dnOf(hostile.uid())), entry.getParsedDN(), hostile.uid());
                }));
            }
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                assertAll(SeedPeople.HOSTILE_UIDS.stream().map(hostile -> (Executable) () -> assertEquals(
                        ResultCode.SUCCESS, connection.bind(SeedPeople.dnOf(hostile.uid()),
                                SeedPeople.HOSTILE_PASSWORD).getResultCode(), hostile.uid())));
            }
        }

        @Test
        void entriesCanBeAddedChangedAndDeleted() throws Exception {
            String dn = SeedPeople.dnOf("added");
            directory.add("dn: " + dn + "\nobjectClass: inetOrgPerson\nobjectClass: zauthAccountState\n"
                    + "uid: added\ncn: Added Person\nsn: Person\nmail: added@example.org\nuserPassword: secret-added\n");
            directory.modify("dn: " + dn + "\nchangetype: modify\nreplace: mail\nmail: changed@example.org\n-\n"
                    + "add: deactivated\ndeactivated: TRUE\n");
            try (LDAPConnection connection = connect(directory.ldapUrl(), new LDAPConnectionOptions())) {
                connection.bind(dn, "secret-added");
                connection.bind(directory.serviceDn(), directory.servicePassword());
                SearchResultEntry entry = findOne(connection, "uid", "added");
                assertEquals("changed@example.org", entry.getAttributeValue("mail"));
                assertEquals("TRUE", entry.getAttributeValue("deactivated"));
                directory.delete(dn);
                assertNull(connection.getEntry(dn));
            }
        }

        private SearchResultEntry findOne(LDAPConnection connection, String attribute, String value)
                throws LDAPException {
            SearchResult result = search(connection, Filter.createEqualityFilter(attribute, value));
            assertEquals(1, result.getEntryCount(), () -> attribute + "=" + value + " found " + result.getSearchEntries());
            SearchResultEntry entry = result.getSearchEntries().get(0);
            assertNotNull(entry);
            return entry;
        }

        private SearchResult search(LDAPConnection connection, Filter filter) throws LDAPException {
            return connection.search("ou=people," + directory.baseDn(), SearchScope.SUB, filter, "*");
        }

        private SSLUtil pemTrust() throws Exception {
            return new SSLUtil(new PEMFileTrustManager(directory.caCertificatePem().toFile()));
        }

        private SSLUtil trustStoreTrust() {
            return new SSLUtil(new TrustStoreTrustManager(directory.caTrustStorePkcs12().toFile(),
                    "changeit".toCharArray(), "PKCS12", true));
        }

        private static LDAPConnectionOptions verifyingHostName() {
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            return options;
        }

        private static LDAPConnection connect(String url, LDAPConnectionOptions options) throws Exception {
            LDAPURL parsed = new LDAPURL(url);
            assertTrue(parsed.getScheme().equals("ldap"), url);
            options.setConnectTimeoutMillis(5000);
            options.setResponseTimeoutMillis(5000);
            return new LDAPConnection(options, parsed.getHost(), parsed.getPort());
        }

        private static LDAPConnection connect(String url, LDAPConnectionOptions options, SSLUtil tls) throws Exception {
            LDAPURL parsed = new LDAPURL(url);
            assertEquals("ldaps", parsed.getScheme(), url);
            options.setConnectTimeoutMillis(5000);
            options.setResponseTimeoutMillis(5000);
            return new LDAPConnection(tls.createSSLSocketFactory(), options, parsed.getHost(), parsed.getPort());
        }
    }
}
