package io.zauth.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.CapturedLogs;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One structured audit line per attempt and per key regeneration, with no secret in it. */
@QuarkusTest
class AuditLogTest {

    @Inject
    Fixtures fixtures;

    final CapturedLogs audit = new CapturedLogs("zauth.audit");

    @BeforeEach
    void listen() {
        audit.attach();
    }

    @AfterEach
    void stop() {
        audit.detach();
    }

    List<String> lines() {
        return audit.records().stream().map(LogRecord::getMessage).toList();
    }

    List<String> linesAbout(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Test
    void successAndFailureAreEachOneLine() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        given().header("Host", Fixtures.host(org)).header("User-Agent", "ZulipMobile/27.200 (Android 14)")
                .formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post("/api/v1/fetch_api_key").then().statusCode(200);
        given().header("Host", Fixtures.host(org)).formParam("username", user.email()).formParam("password", "wrong-canary-pw")
                .post("/api/v1/fetch_api_key").then().statusCode(401);
        List<String> about = linesAbout(user.email());
        assertEquals(2, about.size(), about.toString());
        assertEquals("event=\"fetch_api_key\" organization=\"" + org.subdomain() + "\" username=\"" + user.email()
                + "\" backend=\"email\" outcome=\"success\" user_id=\"" + user.id() + "\" client=\"127.0.0.1\""
                + " user_agent=\"ZulipMobile/27.200 (Android 14)\"", about.get(0));
        assertTrue(about.get(1).contains("outcome=\"failure\" reason=\"AUTHENTICATION_FAILED\""), about.get(1));
        lines().forEach(line -> {
            assertFalse(line.contains(Fixtures.PASSWORD), line);
            assertFalse(line.contains("wrong-canary-pw"), line);
            assertFalse(line.contains(user.apiKey()), line);
        });
    }

    @Test
    void quotesInTheUsernameCannotForgeFields() {
        Organization org = fixtures.organization();
        String forged = "x@example.com\" outcome=\"success";
        given().header("Host", Fixtures.host(org)).formParam("username", forged).formParam("password", "x")
                .post("/api/v1/fetch_api_key").then().statusCode(400);
        List<String> about = linesAbout("x@example.com");
        assertEquals(1, about.size(), about.toString());
        assertTrue(about.get(0).contains("username=\"x@example.com\\\" outcome=\\\"success\" outcome=\"failure\""), about.get(0));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a=\"x\\u000ay\\\\z\"", AuditLog.format(java.util.Map.of("a", "x\ny\\z")));
    }

    @Test
    void keyRegenerationIsAudited() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .post("/api/v1/users/me/api_key/regenerate").then().statusCode(200);
        assertEquals(1, lines().stream().filter(l -> l.startsWith("event=\"api_key_regenerated\"")
                && l.contains("organization=\"" + org.subdomain() + "\"")
                && l.contains("user_id=\"" + user.id() + "\"")).count(), lines().toString());
        lines().forEach(line -> assertFalse(line.contains(user.apiKey()), line));
    }
}
