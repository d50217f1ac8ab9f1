package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear Zulip error: oversized bodies, control characters, bad UTF-8, huge values. */
@QuarkusTest
class HostileInputTest {

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.user(org);
    }

    @Test
    void aBodyOverTheLimitIs413Json() {
        assertError(given().header("Host", Fixtures.host(org)).contentType("application/x-www-form-urlencoded")
                .body("username=" + "a".repeat(70_000) + "&password=x").post(FetchApiKeyTest.PATH).then(),
                413, "BAD_REQUEST", "Request body too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iago%00@example.com", "iago@example.com%0d%0a", "%1b%5b31m@example.com", "a%7f@example.com"})
    void controlCharactersAreRefused(String encodedUsername) {
        assertError(given().header("Host", Fixtures.host(org)).contentType("application/x-www-form-urlencoded")
                .body("username=" + encodedUsername + "&password=x").post(FetchApiKeyTest.PATH).then(),
                400, "BAD_REQUEST", "Invalid characters in argument 'username'");
    }

    @Test
    void invalidUtf8IsAClientError() {
        assertError(given().header("Host", Fixtures.host(org)).contentType("application/x-www-form-urlencoded")
                .body("username=%ff%fe@example.com&password=x").post(FetchApiKeyTest.PATH).then(),
                400, "BAD_REQUEST", "Enter a valid email address.");
    }

    @Test
    void aNulInThePasswordIsRefusedBeforeAnyCheck() {
        assertError(given().header("Host", Fixtures.host(org)).contentType("application/x-www-form-urlencoded")
                .body("username=" + user.email() + "&password=" + "correct%00").post(FetchApiKeyTest.PATH).then(),
                400, "BAD_REQUEST", "Invalid characters in argument 'password'");
    }

    @Test
    void tenThousandCharacterValuesAreRefused() {
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", "a".repeat(10_000) + "@example.com")
                .formParam("password", "x").post(FetchApiKeyTest.PATH).then(),
                400, "BAD_REQUEST", "Argument 'username' is longer than 1024 characters");
        assertError(given().header("Host", Fixtures.host(org)).formParam("username", user.email())
                .formParam("password", "p".repeat(10_000)).post(FetchApiKeyTest.PATH).then(),
                400, "BAD_REQUEST", "Argument 'password' is longer than 1024 characters");
    }

    @Test
    void oddContentTypesLeaveTheBodyUnread() {
        for (String type : new String[] {"text/plain", "application/xml", "application/octet-stream", "image/png"}) {
            assertError(given().header("Host", Fixtures.host(org)).contentType(type).body("username=a&password=b".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post(FetchApiKeyTest.PATH).then(), 400, "REQUEST_VARIABLE_MISSING", "Missing 'username' argument");
        }
    }

    @TestHTTPResource(FetchApiKeyTest.PATH)
    java.net.URI fetchApiKey;

    /** Sent with the JDK client: REST Assured refuses to encode a body for a type it cannot parse. */
    @ParameterizedTest
    @ValueSource(strings = {"garbage", ";;;=", "application/x-www-form-urlencoded; charset=nonsense",
            "multipart/form-data; boundary=", "multipart/form-data; boundary=zauthB"})
    void unparsableContentTypesAndBodiesAre400(String type) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(fetchApiKey).header("Content-Type", type)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("junk")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"result\":\"error\",\"msg\":\"Malformed request\",\"code\":\"BAD_REQUEST\"}",
                response.body());
    }
}
