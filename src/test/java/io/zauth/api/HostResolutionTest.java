package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Host header picks the organization: subdomains, extra host names, and hosts that must not match. */
@QuarkusTest
class HostResolutionTest {

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.user(org);
    }

    void loginSucceedsAt(String host) {
        given().header("Host", host).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post(FetchApiKeyTest.PATH).then().statusCode(200).body("user_id", equalTo((int) user.id()));
    }

    void isUnknownAt(String host) {
        assertError(given().header("Host", host).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post(FetchApiKeyTest.PATH).then(), 404, "NONEXISTENT_SUBDOMAIN", "Invalid subdomain");
    }

    @Test
    void theSubdomainUnderTheRootDomainNamesTheOrganization() {
        loginSucceedsAt(org.subdomain() + ".zauth.test");
    }

    @Test
    void aPortAndUpperCaseDoNotMatter() {
        loginSucceedsAt(org.subdomain().toUpperCase() + ".Zauth.TEST:8443");
    }

    @Test
    void extraHostNamesMapToTheirOrganization() {
        String alias = Fixtures.unique("chat") + ".example.org";
        fixtures.update(org, new OrganizationSettings(null, null, null, null, null, null, Set.of(alias), null, null, null));
        loginSucceedsAt(alias);
        loginSucceedsAt(alias + ":443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "zauth.test.evil.example", "%s.zauth.test.evil.example",
            "x%s.zauth.test", "a.%s.zauth.test", "%szauth.test", "%s.zauth.testx", "[::1]:8080", "127.0.0.1", ":8080"})
    void hostsThatOnlyResembleTheOrganizationAreUnknown(String pattern) {
        isUnknownAt(pattern.replace("%s", org.subdomain()));
    }

    @Test
    void anUnknownSubdomainIs404OnLoginAnd400OnServerSettings() {
        isUnknownAt("no-such-org.zauth.test");
        assertError(given().header("Host", "no-such-org.zauth.test").get("/api/v1/server_settings").then(),
                400, "BAD_REQUEST", "Invalid subdomain");
    }
}
