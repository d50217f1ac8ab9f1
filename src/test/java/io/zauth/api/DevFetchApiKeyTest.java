package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.zauth.user.Role;
import java.util.List;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/dev_fetch_api_key with dev authentication on, per reference §1.8. */
@QuarkusTest
@TestProfile(DevFetchApiKeyTest.DevAuthOn.class)
class DevFetchApiKeyTest {

    static final String PATH = "/api/v1/dev_fetch_api_key";

    public static class DevAuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.dev-auth.enabled", "true");
        }
    }

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization("email", "dev");
        user = fixtures.user(org);
    }

    /** Zulip's dev_list_users: what a development client offers to log in as. */
    @Test
    void devListUsersListsAdministratorsApartWithTheirOrganizationsUrl() {
        UserAccount owner = fixtures.user(org, Fixtures.unique("owner") + "@example.com", Fixtures.PASSWORD, Role.OWNER);
        UserAccount gone = fixtures.user(org);
        fixtures.users().setActive(gone.id(), false);
        Organization withoutDev = fixtures.organization("email");
        UserAccount elsewhere = fixtures.user(withoutDev);
        String url = "http://" + org.subdomain() + "." + Fixtures.ROOT_DOMAIN;
        ExtractableResponse<Response> list = given().header("Host", Fixtures.host(org)).get("/api/v1/dev_list_users").then()
                .statusCode(200).body("result", equalTo("success")).extract();
        assertTrue(list.<List<Map<String, String>>>path("direct_admins").contains(Map.of("email", owner.email(), "realm_uri", url)));
        assertTrue(list.<List<Map<String, String>>>path("direct_users").contains(Map.of("email", user.email(), "realm_uri", url)));
        String all = list.asString();
        assertFalse(all.contains(gone.email()), "a deactivated user is not offered");
        assertFalse(all.contains(elsewhere.email()), "an organization without development login is not listed");
    }

    @Test
    void anExistingUserGetsTheirKeyByEmailAlone() {
        given().header("Host", Fixtures.host(org)).formParam("username", user.email()).post(PATH).then().statusCode(200)
                .body("api_key", equalTo(user.apiKey()))
                .body("email", equalTo(user.email()))
                .body("user_id", equalTo((int) user.id()));
    }

    @Test
    void theUsernameMustBeAnEmail() {
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", "hamlet").post(PATH).then(),
                400, "BAD_REQUEST", "Enter a valid email address.");
    }

    @Test
    void anUnknownUserFails() {
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", "foo@example.com").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void aDeactivatedUserIsToldSo() {
        fixtures.users().setActive(user.id(), false);
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", user.email()).post(PATH).then(),
                401, "USER_DEACTIVATED", "Account is deactivated");
    }

    @Test
    void aDeactivatedOrganizationIsToldFirst() {
        fixtures.users().setActive(user.id(), false);
        fixtures.organizations().setDeactivated(org.subdomain(), true);
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", user.email()).post(PATH).then(),
                401, "REALM_DEACTIVATED", "This organization has been deactivated");
    }

    @Test
    void anUnknownSubdomainIs404() {
        assertError(given().header("Host", "nope.zauth.test").formParam("username", user.email()).post(PATH).then(),
                404, "NONEXISTENT_SUBDOMAIN", "Invalid subdomain");
    }

    @Test
    void anOrganizationWithoutTheDevMethodRefuses() {
        Organization emailOnly = fixtures.organization("email");
        UserAccount other = fixtures.user(emailOnly);
        assertError(given().header("Host", Fixtures.host(emailOnly)).formParam("username", other.email()).post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }
}
