package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.zauth.org.EmailFormatRule;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/fetch_api_key: every parameter rule and every row of reference §1.6. */
@QuarkusTest
class FetchApiKeyTest {

    static final String PATH = "/api/v1/fetch_api_key";

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.user(org);
    }

    RequestSpecification at(Organization organization) {
        return given().header("Host", Fixtures.host(organization));
    }

    @Test
    void rightPasswordGivesTheKeyEmailAndUserIdInZulipsOrder() {
        String body = at(org).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post(PATH).then().statusCode(200).contentType("application/json")
                .body("api_key", matchesPattern("[A-Za-z0-9]{32}"))
                .body("email", equalTo(user.email()))
                .body("user_id", equalTo((int) user.id()))
                .body("$", not(hasKey("ignored_parameters_unsupported")))
                .extract().asString();
        assertTrue(body.startsWith("{\"result\":\"success\",\"msg\":\"\",\"api_key\":"), body);
        assertTrue(body.indexOf("\"email\"") < body.indexOf("\"user_id\""), body);
    }

    @Test
    void theSameKeyComesBackEveryTime() {
        String first = fetchKey(user.email(), Fixtures.PASSWORD);
        String second = fetchKey(user.email(), Fixtures.PASSWORD);
        assertEquals(first, second);
        assertEquals(user.apiKey(), first);
    }

    @Test
    void multipartFormDataIsAcceptedLikeAForm() {
        at(org).multiPart("username", user.email()).multiPart("password", Fixtures.PASSWORD)
                .post(PATH).then().statusCode(200).body("api_key", equalTo(user.apiKey()));
    }

    @Test
    void queryStringParametersWorkOnAPost() {
        at(org).queryParam("username", user.email()).queryParam("password", Fixtures.PASSWORD)
                .post(PATH).then().statusCode(200).body("user_id", equalTo((int) user.id()));
    }

    @Test
    void theBodyWinsOverTheQueryString() {
        at(org).queryParam("password", "wrong password").formParam("username", user.email())
                .formParam("password", Fixtures.PASSWORD)
                .post(PATH).then().statusCode(200).body("$", not(hasKey("ignored_parameters_unsupported")));
    }

    @Test
    void aRepeatedParameterGivesItsLastValue() {
        at(org).contentType("application/x-www-form-urlencoded")
                .body("username=" + user.email() + "&password=wrong&password=" + Fixtures.PASSWORD.replace(' ', '+'))
                .post(PATH).then().statusCode(200);
    }

    @Test
    void unreadParametersAreListedSortedOnSuccess() {
        at(org).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .formParam("zebra", "1").queryParam("apple", "2").formParam("client", "x")
                .post(PATH).then().statusCode(200)
                .body("ignored_parameters_unsupported", equalTo(List.of("apple", "client", "zebra")));
    }

    @Test
    void unreadParametersAreNotListedOnFailure() {
        at(org).formParam("username", user.email()).formParam("password", "wrong").formParam("zebra", "1")
                .post(PATH).then().statusCode(401).body("$", not(hasKey("ignored_parameters_unsupported")));
    }

    @Test
    void missingUsernameIsReportedFirst() {
        assertError(at(org).contentType("application/x-www-form-urlencoded").post(PATH).then(),
                400, "REQUEST_VARIABLE_MISSING", "Missing 'username' argument")
                .body("var_name", equalTo("username"));
    }

    @Test
    void missingPasswordIsReportedWithItsName() {
        String body = assertError(at(org).formParam("username", user.email()).post(PATH).then(),
                400, "REQUEST_VARIABLE_MISSING", "Missing 'password' argument")
                .body("var_name", equalTo("password")).extract().asString();
        assertEquals("{\"result\":\"error\",\"msg\":\"Missing 'password' argument\",\"var_name\":\"password\","
                + "\"code\":\"REQUEST_VARIABLE_MISSING\"}", body);
    }

    @Test
    void aJsonBodyIsNotReadSoParametersAreMissing() {
        assertError(at(org).contentType("application/json")
                        .body("{\"username\":\"" + user.email() + "\",\"password\":\"x\"}").post(PATH).then(),
                400, "REQUEST_VARIABLE_MISSING", "Missing 'username' argument");
    }

    @Test
    void anEmptyPasswordIsPresentButNeverMatches() {
        assertError(at(org).formParam("username", user.email()).formParam("password", "").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void otherMethodsGet405WithAllowedMethods() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            at(org).request(method, PATH).then().statusCode(405)
                    .header("Allow", "POST")
                    .body("result", equalTo("error"))
                    .body("msg", equalTo("Method Not Allowed"))
                    .body("allowed_methods", equalTo(List.of("POST")))
                    .body("$", not(hasKey("code")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hamlet", " iago@zulip.com", "a@b", "@zulip.com", "iago@zulip.com ", "two@@zulip.com"})
    void usernamesThatAreNotEmailsAreRejected(String username) {
        assertError(at(org).formParam("username", username).formParam("password", Fixtures.PASSWORD).post(PATH).then(),
                400, "BAD_REQUEST", "Enter a valid email address.");
    }

    @Test
    void emailMatchingIgnoresCase() {
        at(org).formParam("username", user.email().toUpperCase()).formParam("password", Fixtures.PASSWORD)
                .post(PATH).then().statusCode(200).body("email", equalTo(user.email()));
    }

    @Test
    void usernamesNeedNotBeEmailsWhenTheOrganizationSaysSo() {
        Organization relaxed = fixtures.update(org, new OrganizationSettings(null, null, null, null,
                EmailFormatRule.NOT_REQUIRED, null, null, null, null, null));
        assertError(at(relaxed).formParam("username", "hamlet").formParam("password", "x").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameBody() {
        String wrong = assertError(at(org).formParam("username", user.email()).formParam("password", "wrong").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect").extract().asString();
        String unknown = at(org).formParam("username", "nobody@example.com").formParam("password", "wrong")
                .post(PATH).then().statusCode(401).extract().asString();
        assertEquals(wrong, unknown);
        assertEquals("{\"result\":\"error\",\"msg\":\"Your username or password is incorrect\",\"code\":\"AUTHENTICATION_FAILED\"}", wrong);
    }

    @Test
    void aDeactivatedUserIsToldOnlyAfterTheRightPassword() {
        fixtures.users().setActive(user.id(), false);
        assertError(at(org).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD).post(PATH).then(),
                401, "USER_DEACTIVATED", "Account is deactivated");
        assertError(at(org).formParam("username", user.email()).formParam("password", "wrong").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void aDeactivatedOrganizationRefusesEveryAttempt() {
        fixtures.organizations().setDeactivated(org.subdomain(), true);
        for (String password : List.of(Fixtures.PASSWORD, "wrong", "")) {
            assertError(at(org).formParam("username", user.email()).formParam("password", password).post(PATH).then(),
                    401, "REALM_DEACTIVATED", "This organization has been deactivated");
        }
    }

    @Test
    void anOrganizationWithoutPasswordBackendsSaysPasswordAuthIsDisabled() {
        Organization devOnly = fixtures.organization("dev");
        assertError(at(devOnly).formParam("username", "a@example.com").formParam("password", "x").post(PATH).then(),
                401, "PASSWORD_AUTH_DISABLED", "Password authentication is disabled in this organization");
    }

    @Test
    void aUserFlaggedForResetIsToldOnlyAfterTheRightPassword() {
        fixtures.users().requirePasswordReset(user.id());
        assertError(at(org).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD).post(PATH).then(),
                401, "PASSWORD_RESET_REQUIRED", "Your password has been disabled and needs to be reset");
        assertError(at(org).formParam("username", user.email()).formParam("password", "wrong").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void anOutdatedHashIsUpgradedOnLogin() {
        UserAccount imported = fixtures.userWithHash(org, DjangoVectors.PBKDF2_SHA256_260000);
        at(org).formParam("username", imported.email()).formParam("password", DjangoVectors.PASSWORD)
                .post(PATH).then().statusCode(200);
        String upgraded = fixtures.users().byId(imported.id()).orElseThrow().passwordHash();
        assertTrue(upgraded.startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        at(org).formParam("username", imported.email()).formParam("password", DjangoVectors.PASSWORD)
                .post(PATH).then().statusCode(200).body("api_key", equalTo(imported.apiKey()));
    }

    @Test
    void anOutdatedHashOfAPasswordThatFailsThePolicyRequiresAReset() {
        Organization strict = fixtures.update(org, new OrganizationSettings(null, null, null, null, null, null, null, 30, null, null));
        UserAccount imported = fixtures.userWithHash(strict, DjangoVectors.PBKDF2_SHA256_260000);
        assertError(at(strict).formParam("username", imported.email()).formParam("password", DjangoVectors.PASSWORD)
                        .post(PATH).then(),
                401, "PASSWORD_RESET_REQUIRED", "Your password has been disabled and needs to be reset");
        assertEquals(DjangoVectors.PBKDF2_SHA256_260000, fixtures.users().byId(imported.id()).orElseThrow().passwordHash());
    }

    @Test
    void djangoHashesLogIn() {
        for (String hash : DjangoVectors.ALL) {
            UserAccount imported = fixtures.userWithHash(org, hash);
            at(org).formParam("username", imported.email()).formParam("password", DjangoVectors.PASSWORD)
                    .post(PATH).then().statusCode(200).body("user_id", equalTo((int) imported.id()));
            assertError(at(org).formParam("username", imported.email()).formParam("password", "s3cret-Passw0rD")
                    .post(PATH).then(), 401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
        }
    }

    @Test
    void aUserWithoutAUsablePasswordCannotLogIn() {
        UserAccount noPassword = fixtures.user(org, Fixtures.unique("nopw") + "@example.com", null, Role.MEMBER);
        assertError(at(org).formParam("username", noPassword.email()).formParam("password", "anything").post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void anAddressOfAnotherOrganizationIsJustAFailedLogin() {
        Organization other = fixtures.organization();
        assertError(at(other).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD).post(PATH).then(),
                401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void theSameEmailInTwoOrganizationsIsTwoUsers() {
        Organization other = fixtures.organization();
        UserAccount twin = fixtures.user(other, user.email(), "another password", Role.MEMBER);
        at(other).formParam("username", user.email()).formParam("password", "another password")
                .post(PATH).then().statusCode(200).body("user_id", equalTo((int) twin.id()));
        assertNotEquals(user.apiKey(), twin.apiKey());
    }

    String fetchKey(String username, String password) {
        return at(org).formParam("username", username).formParam("password", password)
                .post(PATH).then().statusCode(200).extract().path("api_key");
    }
}
