package io.zauth.ldap;

import static io.zauth.support.Logins.login;
import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** fetch_api_key through the ldap backend against a real directory (slapd in CI). */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class LdapLoginTest {

    static final String FAILED = "Your username or password is incorrect";

    @Inject
    Fixtures fixtures;

    static void refused(Organization org, String username, String password) {
        assertError(login(org, username, password), 401, "AUTHENTICATION_FAILED", FAILED);
    }

    @Test
    void searchThenBindLogsInByUidAndByEmail() {
        Organization org = fixtures.directoryOrganization("search");
        String key = login(org, "hamlet", "secret-hamlet").statusCode(200)
                .body("email", equalTo("hamlet@example.org")).extract().path("api_key");
        login(org, "hamlet@example.org", "secret-hamlet").statusCode(200).body("api_key", equalTo(key));
        refused(org, "hamlet", "wrong");
        refused(org, "nobody", "secret-hamlet");
    }

    @Test
    void aUidThatDiffersFromTheMailLocalPartMapsToTheMail() {
        Organization org = fixtures.directoryOrganization("search");
        String key = login(org, "sam", "secret-sam").statusCode(200).body("email", equalTo("samantha@example.org"))
                .extract().path("api_key");
        login(org, "samantha@example.org", "secret-sam").statusCode(200).body("api_key", equalTo(key));
    }

    @Test
    void twoEntriesSharingAnEmailMatchNobody() {
        Organization org = fixtures.directoryOrganization("search");
        refused(org, "shared@example.org", "secret-shared1");
        login(org, "shared1", "secret-shared1").statusCode(200);
    }

    @Test
    void aDnTemplateBindsDirectly() {
        Organization org = fixtures.directoryOrganization("template");
        login(org, "aaron", "secret-aaron").statusCode(200).body("email", equalTo("aaron@example.org"));
        refused(org, "aaron", "wrong");
        refused(org, "nobody", "secret-aaron");
    }

    @Test
    void appendDomainMapsUsernameAndEmail() {
        Organization org = fixtures.directoryOrganization("append");
        String key = login(org, "hamlet@example.org", "secret-hamlet").statusCode(200)
                .body("email", equalTo("hamlet@example.org")).extract().path("api_key");
        login(org, "hamlet", "secret-hamlet").statusCode(200).body("api_key", equalTo(key));
        login(org, "HAMLET@Example.org", "secret-hamlet").statusCode(200);
        refused(org, "hamlet@other.example", "secret-hamlet");
    }

    @Test
    void usernamesNeedNotBeEmailsAndServerSettingsSaysSo() {
        Organization org = fixtures.directoryOrganization("append");
        given().header("Host", Fixtures.host(org)).get("/api/v1/server_settings").then().statusCode(200)
                .body("require_email_format_usernames", equalTo(false))
                .body("authentication_methods.ldap", equalTo(true))
                .body("authentication_methods.password", equalTo(true));
    }

    @Test
    void firstAndLastNameMakeTheFullName() {
        Organization org = fixtures.directoryOrganization("names");
        long id = ((Number) login(org, "aaron", "secret-aaron").statusCode(200).extract().path("user_id")).longValue();
        assertEquals("Aaron Smith", fixtures.users().byId(id).orElseThrow().fullName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*)(uid=*", "admin)(|(uid=*", "\\", "a,b", "a+b", "a=b", "\"quoted\"", "#hash",
            " leading", "trailing ", "renée", "Ωmega"})
    void hostileUsernamesMatchOnlyTheEntryNamedLiterallySo(String uid) {
        for (String directory : List.of("search", "template")) {
            Organization org = fixtures.directoryOrganization(directory);
            login(org, uid, "secret-hostile").statusCode(200);
            refused(org, uid, "secret-admin");
            refused(org, uid, "secret-hamlet");
        }
    }

    @Test
    void injectionCannotReachOtherEntries() {
        for (String directory : List.of("search", "template")) {
            Organization org = fixtures.directoryOrganization(directory);
            refused(org, "ad*", "secret-admin");
            refused(org, "*)(uid=admin", "secret-admin");
            assertError(login(org, "hamlet\u0000", "secret-hamlet"), 400, "BAD_REQUEST",
                    "Invalid characters in argument 'username'");
            refused(org, "hamlet,ou=people", "secret-hamlet");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void emptyOrBlankPasswordsNeverReachTheDirectory(String password) {
        Organization org = fixtures.directoryOrganization("search");
        // The person is looked up (the rate limit counts the entry), which may open the service
        // account's pool and bind it; what must never happen is a bind with this password.
        refused(org, "nobody", password);
        long before = DirectoryTestResource.directory.bindCount();
        refused(org, "hamlet", password);
        assertEquals(before, DirectoryTestResource.directory.bindCount(), "a bind reached the directory");
    }

    /** Control characters never get past the parameters: a clear 400, and no directory traffic. */
    @ParameterizedTest
    @ValueSource(strings = {"\t \n", "secret-hamlet\u0000", "\u0000"})
    void passwordsWithNulOrControlCharactersNeverReachTheDirectory(String password) {
        Organization org = fixtures.directoryOrganization("search");
        long before = DirectoryTestResource.directory.bindCount();
        assertError(login(org, "hamlet", password), 400, "BAD_REQUEST", "Invalid characters in argument 'password'");
        assertEquals(before, DirectoryTestResource.directory.bindCount(), "a bind reached the directory");
    }

    @Test
    void theBindCounterSeesARealAttempt() {
        Organization org = fixtures.directoryOrganization("search");
        login(org, "hamlet", "secret-hamlet").statusCode(200);
        long before = DirectoryTestResource.directory.bindCount();
        refused(org, "hamlet", "wrong-password");
        assertTrue(DirectoryTestResource.directory.bindCount() > before);
    }

    @Test
    void disabledAccountsAreToldOnlyAfterTheRightPassword() {
        Organization ad = fixtures.directoryOrganization("ad");
        assertError(login(ad, "disabled-ad", "secret-disabled-ad"), 401, "USER_DEACTIVATED", "Account is deactivated");
        refused(ad, "disabled-ad", "wrong");
        login(ad, "enabled-ad", "secret-enabled-ad").statusCode(200);
        Organization zulip = fixtures.directoryOrganization("zulipstate");
        assertError(login(zulip, "deactivated-true", "secret-deactivated-true"), 401, "USER_DEACTIVATED", "Account is deactivated");
        login(zulip, "deactivated-false", "secret-deactivated-false").statusCode(200);
        Organization ipa = fixtures.directoryOrganization("freeipa");
        assertError(login(ipa, "locked", "secret-locked"), 401, "USER_DEACTIVATED", "Account is deactivated");
    }

    @Test
    void aDeactivatedZauthUserIsRefusedEvenWithTheRightDirectoryPassword() {
        Organization org = fixtures.directoryOrganization("append");
        long id = ((Number) login(org, "aaron", "secret-aaron").statusCode(200).extract().path("user_id")).longValue();
        fixtures.users().setActive(id, false);
        assertError(login(org, "aaron", "secret-aaron"), 401, "USER_DEACTIVATED", "Account is deactivated");
        refused(org, "aaron", "wrong");
    }

    @Test
    void membershipRulesAdmitOnlyMembers() {
        Organization zulip = fixtures.directoryOrganizationAt("zulip", "membership");
        login(zulip, "hamlet", "secret-hamlet").statusCode(200);
        refused(zulip, "aaron", "secret-aaron");
        Organization rules = fixtures.directoryOrganizationAt("rules-org", "rules");
        login(rules, "test12", "secret-test12").statusCode(200);
        login(rules, "test1second", "secret-test1second").statusCode(200);
        refused(rules, "test2only", "secret-test2only");
        Organization unlisted = fixtures.directoryOrganization("rules");
        login(unlisted, "test2only", "secret-test2only").statusCode(200);
    }

    @Test
    void theFirstLoginCreatesAMemberWithoutAPassword() {
        Organization org = fixtures.directoryOrganization("search");
        long id = ((Number) login(org, "newuser", "secret-newuser").statusCode(200)
                .body("email", equalTo("newuser@example.org")).extract().path("user_id")).longValue();
        UserAccount user = fixtures.users().byId(id).orElseThrow();
        assertEquals("New LDAP fullname", user.fullName());
        assertEquals(Role.MEMBER, user.role());
        assertNull(user.passwordHash());
        assertEquals(org.id(), user.organizationId());
    }

    @Test
    void fiftyConcurrentFirstLoginsCreateOneUserAndOneKey() throws Exception {
        Organization org = fixtures.directoryOrganization("search");
        Callable<String> first = () -> login(org, "newuser", "secret-newuser").statusCode(200).extract().path("api_key");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Set<String> keys = new HashSet<>();
            for (Future<String> key : pool.invokeAll(IntStream.range(0, 50).mapToObj(i -> first).toList())) {
                keys.add(key.get());
            }
            assertEquals(1, keys.size());
            assertEquals(1, fixtures.users().list(org.id()).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void basicAuthAcceptsTheDirectoryUsernameAndTheEmail() {
        Organization org = fixtures.directoryOrganization("search");
        String key = login(org, "sam", "secret-sam").statusCode(200).extract().path("api_key");
        for (String name : List.of("sam", "samantha@example.org")) {
            given().header("Host", Fixtures.host(org)).auth().preemptive().basic(name, key)
                    .get("/api/v1/users/me").then().statusCode(200).body("email", equalTo("samantha@example.org"));
        }
        assertError(given().header("Host", Fixtures.host(org)).auth().preemptive().basic("hamlet", key)
                .get("/api/v1/users/me").then(), 401, "UNAUTHORIZED", "Invalid API key");
    }

    @Test
    void emailUsersLogInBeforeTheDirectoryIsAsked() {
        Organization org = fixtures.directoryOrganization("dead", "email", "ldap");
        UserAccount local = fixtures.user(org, Fixtures.unique("local") + "@example.com", Fixtures.PASSWORD, Role.MEMBER);
        login(org, local.email(), Fixtures.PASSWORD).statusCode(200);
    }
}
