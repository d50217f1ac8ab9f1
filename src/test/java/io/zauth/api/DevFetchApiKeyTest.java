package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;

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
