package io.zauth.ldap;

import static io.zauth.support.Logins.login;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.ldap.support.TestDirectory;
import io.zauth.ldap.support.UnboundIdDirectory;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 389-DS and FreeIPA keep nsAccountLock operational: returned only to a search that names it.
 * slapd cannot define an operational attribute in its schema, so this suite runs on UnboundID's
 * in-memory directory server, which takes the 389-DS definition and returns the attribute exactly
 * as 389-DS does (in CI too).
 */
@QuarkusTest
@QuarkusTestResource(value = OperationalAccountLockTest.OperationalLockDirectory.class, restrictToAnnotatedClass = true)
class OperationalAccountLockTest {

    public static class OperationalLockDirectory implements QuarkusTestResourceLifecycleManager {
        static TestDirectory directory;

        @Override
        public Map<String, String> start() {
            directory = UnboundIdDirectory.start();
            String prefix = "zauth.directories.ipa.";
            return Map.of(prefix + "urls", directory.ldapUrl(),
                    prefix + "bind-dn", directory.serviceDn(),
                    prefix + "bind-password", directory.servicePassword(),
                    prefix + "user-search-base", "ou=people," + directory.baseDn(),
                    prefix + "user-search-filter", "(uid={0})",
                    prefix + "append-domain", "example.org",
                    prefix + "account-state", "ns-account-lock",
                    prefix + "deactivate-non-matching", "true");
        }

        @Override
        public void stop() {
            directory.stop();
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    DirectorySync sync;

    @Test
    void aLockedAccountIsDeactivatedAfterTheRightPassword() {
        Organization org = fixtures.directoryOrganization("ipa");
        assertError(login(org, "locked", "secret-locked"), 401, "USER_DEACTIVATED", "Account is deactivated");
        login(org, "hamlet", "secret-hamlet").statusCode(200);
    }

    @Test
    void ldapSyncDeactivatesAnAccountLockedAfterItsFirstLogin() {
        String uid = Fixtures.unique("ipa");
        String dn = "uid=" + uid + ",ou=people," + OperationalLockDirectory.directory.baseDn();
        OperationalLockDirectory.directory.add(String.join("\n", "dn: " + dn,
                "objectClass: inetOrgPerson", "uid: " + uid, "cn: Locked Later", "sn: Later",
                "mail: " + uid + "@example.org", "nsAccountLock: FALSE", "userPassword: secret-" + uid));
        Organization org = fixtures.directoryOrganization("ipa");
        long id = ((Number) login(org, uid, "secret-" + uid).statusCode(200).extract().path("user_id")).longValue();

        OperationalLockDirectory.directory.modify(String.join("\n", "dn: " + dn,
                "changetype: modify", "replace: nsAccountLock", "nsAccountLock: TRUE"));
        assertEquals(1, sync.sync(org).deactivated());
        assertFalse(fixtures.users().byId(id).orElseThrow().active(), "locked in the directory");
    }
}
