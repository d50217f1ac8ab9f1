package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/users/me and key regeneration, with every HTTP Basic error of reference §3. */
@QuarkusTest
class UsersMeTest {

    static final String ME = "/api/v1/users/me";
    static final String REGENERATE = "/api/v1/users/me/api_key/regenerate";

    @Inject
    Fixtures fixtures;

    @Inject
    UserAccounts users;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.user(org, Fixtures.unique("owner") + "@example.com", Fixtures.PASSWORD, Role.OWNER);
    }

    RequestSpecification at(Organization organization) {
        return given().header("Host", Fixtures.host(organization));
    }

    RequestSpecification basic(String username, String key) {
        return at(org).header("Authorization", "Basic " + base64(username + ":" + key));
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    ValidatableResponse unauthorized(ValidatableResponse response, String msg) {
        return assertError(response, 401, "UNAUTHORIZED", msg).header("WWW-Authenticate", "Basic realm=\"zulip\"");
    }

    @Test
    void theKeyGivesTheUsersProfile() {
        basic(user.email(), user.apiKey()).get(ME).then().statusCode(200)
                .body("result", equalTo("success"))
                .body("msg", equalTo(""))
                .body("user_id", equalTo((int) user.id()))
                .body("email", equalTo(user.email()))
                .body("delivery_email", equalTo(user.email()))
                .body("full_name", equalTo("Test User"))
                .body("is_active", equalTo(true))
                .body("is_owner", equalTo(true))
                .body("is_admin", equalTo(true))
                .body("is_guest", equalTo(false))
                .body("is_bot", equalTo(false))
                .body("role", equalTo(100))
                .body("timezone", equalTo(""))
                .body("date_joined", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));
    }

    @Test
    void aChangeToTheUserIsInTheNextAnswer() {
        basic(user.email(), user.apiKey()).get(ME).then().statusCode(200)
                .body("full_name", equalTo("Test User")).body("role", equalTo(100));
        users.setFullName(user.id(), "Renamed Person");
        basic(user.email(), user.apiKey()).get(ME).then().statusCode(200)
                .body("full_name", equalTo("Renamed Person")).body("user_id", equalTo((int) user.id()));
        String regenerated = users.regenerateApiKey(user.id()).apiKey();
        unauthorized(basic(user.email(), user.apiKey()).get(ME).then(), "Invalid API key");
        basic(user.email(), regenerated).get(ME).then().statusCode(200).body("full_name", equalTo("Renamed Person"));
    }

    @Test
    void unknownQueryParametersAreListedBesideTheProfile() {
        basic(user.email(), user.apiKey()).get(ME).then().statusCode(200);
        basic(user.email(), user.apiKey()).queryParam("client_gravatar", "true").get(ME).then().statusCode(200)
                .contentType("application/json")
                .body("ignored_parameters_unsupported", equalTo(List.of("client_gravatar")))
                .body("email", equalTo(user.email())).body("full_name", equalTo("Test User"));
        basic(user.email(), user.apiKey()).get(ME).then().statusCode(200).contentType("application/json")
                .body("ignored_parameters_unsupported", equalTo(null));
    }

    @Test
    void rolesUseZulipsNumbers() {
        UserAccount guest = fixtures.user(org, Fixtures.unique("guest") + "@example.com", Fixtures.PASSWORD, Role.GUEST);
        basic(guest.email(), guest.apiKey()).get(ME).then().statusCode(200)
                .body("role", equalTo(600)).body("is_guest", equalTo(true)).body("is_admin", equalTo(false));
        UserAccount admin = fixtures.user(org, Fixtures.unique("admin") + "@example.com", Fixtures.PASSWORD, Role.ADMIN);
        basic(admin.email(), admin.apiKey()).get(ME).then().statusCode(200)
                .body("role", equalTo(200)).body("is_admin", equalTo(true)).body("is_owner", equalTo(false));
    }

    @Test
    void theEmailIsComparedWithoutCase() {
        basic(user.email().toUpperCase(), user.apiKey()).get(ME).then().statusCode(200);
    }

    @Test
    void noAuthorizationHeaderIsNotLoggedIn() {
        unauthorized(at(org).get(ME).then(), "Not logged in: API authentication or user session required");
    }

    @Test
    void anotherSchemeNeedsBasic() {
        assertError(at(org).header("Authorization", "Bearer " + user.apiKey()).get(ME).then(),
                400, "BAD_REQUEST", "This endpoint requires HTTP basic authentication.");
    }

    @Test
    void malformedHeadersAreInvalid() {
        for (String header : new String[] {"Basic", "Basic !!!not-base64!!!", "Basic " + base64("no-colon"),
                "Basic " + base64("a:b:c"), "Basic a b", "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})}) {
            unauthorized(at(org).header("Authorization", header).get(ME).then(), "Invalid authorization header for basic auth");
        }
    }

    @Test
    void aKeyOfTheWrongShapeIsMalformed() {
        unauthorized(basic(user.email(), "short").get(ME).then(), "Malformed API key");
        unauthorized(basic(user.email(), user.apiKey() + "x").get(ME).then(), "Malformed API key");
    }

    @Test
    void anUnknownKeyOrAnotherUsersEmailIsInvalid() {
        unauthorized(basic(user.email(), "A".repeat(32)).get(ME).then(), "Invalid API key");
        unauthorized(basic("someone-else@example.com", user.apiKey()).get(ME).then(), "Invalid API key");
    }

    @Test
    void aDeactivatedUserIsRefused() {
        fixtures.users().setActive(user.id(), false);
        unauthorized(basic(user.email(), user.apiKey()).get(ME).then(), "Account is deactivated");
    }

    @Test
    void aDeactivatedOrganizationIsRefused() {
        fixtures.organizations().setDeactivated(org.subdomain(), true);
        unauthorized(basic(user.email(), user.apiKey()).get(ME).then(), "This organization has been deactivated");
    }

    @Test
    void aKeyUsedAtAnotherOrganizationIsRefused() {
        Organization other = fixtures.organization();
        unauthorized(given().header("Host", Fixtures.host(other))
                        .header("Authorization", "Basic " + base64(user.email() + ":" + user.apiKey())).get(ME).then(),
                "Account is not associated with this subdomain");
        unauthorized(given().header("Host", "unknown-org.zauth.test")
                        .header("Authorization", "Basic " + base64(user.email() + ":" + user.apiKey())).get(ME).then(),
                "Account is not associated with this subdomain");
    }

    @Test
    void regenerateReplacesTheKeyAtOnce() {
        String fresh = basic(user.email(), user.apiKey()).post(REGENERATE).then().statusCode(200)
                .body("result", equalTo("success"))
                .body("api_key", matchesPattern("[A-Za-z0-9]{32}"))
                .extract().path("api_key");
        assertNotEquals(user.apiKey(), fresh);
        unauthorized(basic(user.email(), user.apiKey()).get(ME).then(), "Invalid API key");
        basic(user.email(), fresh).get(ME).then().statusCode(200);
        String fetched = at(org).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post(FetchApiKeyTest.PATH).then().statusCode(200).extract().path("api_key");
        assertEquals(fresh, fetched);
    }

    @Test
    void regenerateNeedsTheKey() {
        unauthorized(at(org).post(REGENERATE).then(), "Not logged in: API authentication or user session required");
        assertError(basic(user.email(), user.apiKey()).get(REGENERATE).then(), 405, null, "Method Not Allowed");
    }
}
