package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forward authentication as a proxy asks for it: the identity for a right key, and for every
 * wrong one exactly the refusal users/me gives, on any method and any path below the check's.
 */
@QuarkusTest
class ForwardAuthTest {

    static final String CHECK = "/zauth/forward-auth";

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.users().create(new NewUser(org.id(), Fixtures.unique("zoë+tag") + "@example.com",
                "Zoë Ünal\r\nX-Injected: 1 — 名前", Role.ADMIN, null));
    }

    RequestSpecification basic(Organization organization, String username, String key) {
        return basic(Fixtures.host(organization), username, key);
    }

    RequestSpecification basic(String host, String username, String key) {
        return given().header("Host", host).header("Authorization", "Basic " + UsersMeTest.base64(username + ":" + key));
    }

    @Test
    void aRightKeyGivesTheIdentityHeadersAndNoBody() {
        ExtractableResponse<Response> accepted = basic(org, user.email(), user.apiKey()).get(CHECK).then().statusCode(200)
                .header("Cache-Control", "no-store").body(emptyString()).extract();
        assertEquals(Long.toString(user.id()), accepted.header("X-Zauth-User-Id"));
        assertEquals(org.subdomain(), accepted.header("X-Zauth-Organization"));
        assertEquals("admin", accepted.header("X-Zauth-Role"));
        String email = accepted.header("X-Zauth-Email");
        String fullName = accepted.header("X-Zauth-Full-Name");
        assertTrue(email.matches("[A-Za-z0-9%@._~-]+") && fullName.matches("[A-Za-z0-9%@._~-]+"), email + " " + fullName);
        assertEquals(user.email(), URLDecoder.decode(email, StandardCharsets.UTF_8).replace(" ", "+"));
        assertEquals(user.fullName(), URLDecoder.decode(fullName.replace("+", "%2B"), StandardCharsets.UTF_8));
        assertTrue(email.contains("%2B") && email.contains("@example.com"), "a plain address reads as itself: " + email);
    }

    @Test
    void everyMethodAndEveryPathBelowTheCheckIsTheSameCheck() {
        for (String path : List.of(CHECK, CHECK + "/", CHECK + "/api/v1/messages", CHECK + "/api/v1/users/me/subscriptions")) {
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                basic(org, user.email(), user.apiKey()).request(method, path).then().statusCode(200)
                        .header("X-Zauth-User-Id", Long.toString(user.id()));
                basic(org, user.email(), "0".repeat(32)).request(method, path).then().statusCode(401)
                        .header("X-Zauth-User-Id", nullValue());
            }
        }
    }

    @Test
    void everyRefusalIsWhatUsersMeAnswers() {
        Organization other = fixtures.organization();
        UserAccount deactivated = fixtures.user(org);
        fixtures.users().setActive(deactivated.id(), false);
        Organization closed = fixtures.organization();
        UserAccount ofClosed = fixtures.user(closed);
        fixtures.organizations().setDeactivated(closed.subdomain(), true);
        List<Function<String, Response>> refused = List.of(
                path -> given().header("Host", Fixtures.host(org)).get(path),
                path -> basic(org, user.email(), "0".repeat(32)).get(path),
                path -> basic(org, user.email(), "short").get(path),
                path -> basic(org, "someone@example.com", user.apiKey()).get(path),
                path -> given().header("Host", Fixtures.host(org)).header("Authorization", "Basic !!!").get(path),
                path -> given().header("Host", Fixtures.host(org)).header("Authorization", "Bearer " + user.apiKey()).get(path),
                path -> basic(org, deactivated.email(), deactivated.apiKey()).get(path),
                path -> basic(closed, ofClosed.email(), ofClosed.apiKey()).get(path),
                path -> basic(other, user.email(), user.apiKey()).get(path),
                path -> basic("unknown-org.zauth.test", user.email(), user.apiKey()).get(path));
        for (Function<String, Response> request : refused) {
            Response me = request.apply(UsersMeTest.ME);
            Response check = request.apply(CHECK + "/api/v1/messages");
            assertTrue(me.statusCode() >= 400, me.asString());
            assertEquals(me.statusCode(), check.statusCode(), check.asString());
            assertEquals(me.header("WWW-Authenticate"), check.header("WWW-Authenticate"));
            assertEquals(me.contentType(), check.contentType());
            assertEquals(me.asString(), check.asString());
            assertEquals(check.asString(), check.header("X-Zauth-Error"), "nginx reads the body from this header");
            assertEquals(null, check.header("X-Zauth-User-Id"));
        }
    }

    @Test
    void theOriginalHostIsTheRequestsHostWhenTheProxyIsNotTrusted() {
        Organization other = fixtures.organization();
        basic(org, user.email(), user.apiKey()).header("X-Forwarded-Host", Fixtures.host(other)).get(CHECK).then().statusCode(200)
                .header("X-Zauth-Organization", org.subdomain());
    }
}
