package io.zauth.ldap;

import static io.zauth.support.Logins.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code ldap sync}: names follow the directory; disabled or missing people are deactivated; errors change nothing. */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class DirectorySyncTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DirectorySync sync;

    @Test
    void namesFollowAndDisabledOrMissingPeopleAreDeactivated() {
        String uid = Fixtures.unique("syncme");
        DirectoryTestResource.directory.add(String.join("\n",
                "dn: uid=" + uid + ",ou=people," + DirectoryTestResource.directory.baseDn(),
                "objectClass: inetOrgPerson", "objectClass: zauthAccountState",
                "uid: " + uid, "cn: Before Rename", "sn: Rename", "mail: " + uid + "@example.org",
                "deactivated: FALSE", "userPassword: secret-" + uid));
        Organization org = fixtures.directoryOrganization("sync");
        long id = ((Number) login(org, uid, "secret-" + uid).statusCode(200).extract().path("user_id")).longValue();
        long hamlet = ((Number) login(org, "hamlet", "secret-hamlet").statusCode(200).extract().path("user_id")).longValue();
        UserAccount stranger = fixtures.user(org, Fixtures.unique("stranger") + "@example.org", Fixtures.PASSWORD, Role.MEMBER);

        DirectoryTestResource.directory.modify(String.join("\n",
                "dn: uid=" + uid + ",ou=people," + DirectoryTestResource.directory.baseDn(),
                "changetype: modify", "replace: cn", "cn: After Rename"));
        DirectorySync.Report first = sync.sync(org);
        assertEquals(3, first.checked());
        assertEquals("After Rename", fixtures.users().byId(id).orElseThrow().fullName());
        assertTrue(fixtures.users().byId(id).orElseThrow().active());
        assertTrue(fixtures.users().byId(hamlet).orElseThrow().active());
        assertFalse(fixtures.users().byId(stranger.id()).orElseThrow().active(), "missing from the directory");

        DirectoryTestResource.directory.modify(String.join("\n",
                "dn: uid=" + uid + ",ou=people," + DirectoryTestResource.directory.baseDn(),
                "changetype: modify", "replace: deactivated", "deactivated: TRUE"));
        sync.sync(org);
        assertFalse(fixtures.users().byId(id).orElseThrow().active(), "disabled in the directory");
    }

    @Test
    void aDirectoryErrorDeactivatesNobody() {
        Organization org = fixtures.directoryOrganization("dead");
        UserAccount user = fixtures.user(org, Fixtures.unique("kept") + "@example.org", Fixtures.PASSWORD, Role.MEMBER);
        assertThrows(DirectoryUnavailableException.class, () -> sync.sync(org));
        assertTrue(fixtures.users().byId(user.id()).orElseThrow().active());
    }
}
