package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zauth.support.FreePorts;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's nginx, configured as docs/forward-auth.md says, in front of an upstream that echoes what
 * it receives, with two packaged zauth instances on one database: nginx asks instance A, keys are
 * regenerated on instance B.
 */
class ForwardAuthNginxIT {

    static final String PASSWORD = "a long enough password";
    static final String FULL_NAME = "Zoë Ünal";

    static EchoUpstream upstream;
    static RunningInstance a;
    static RunningInstance b;
    static ThrowawayNginx nginx;

    String org;
    String host;
    String email;
    String key;

    @BeforeAll
    static void startTheChain() throws Exception {
        assumeTrue(ThrowawayNginx.available() || ThrowawayNginx.required(),
                "nginx is not installed; CI installs it and sets ZAUTH_REQUIRE_NGINX=true");
        Map<String, String> behindNginx = Map.of("ZAUTH_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1",
                "ZAUTH_RATE_LIMIT_ADDRESS", "3/30m");
        upstream = EchoUpstream.start();
        a = RunningInstance.start("forward-auth-a", behindNginx);
        b = RunningInstance.start("forward-auth-b", behindNginx);
        nginx = ThrowawayNginx.start(a.port(), upstream.port());
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {nginx, a, b, upstream}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @BeforeEach
    void organizationUserAndKey() {
        org = "fwd-" + UUID.randomUUID().toString().substring(0, 8);
        host = org + ".localhost";
        email = "zoe-" + org + "@example.com";
        AdminCommand.ok(null, "org", "create", org, "--methods", "email");
        AdminCommand.ok(PASSWORD + "\n", "user", "create", "--org", org, "--email", email, "--full-name", FULL_NAME,
                "--role", "moderator", "--password-stdin");
        key = login(a.port(), PASSWORD).then().statusCode(200).extract().path("api_key");
    }

    RequestSpecification throughNginx(String client) {
        return given().port(nginx.port()).header("Host", host).header("X-Forwarded-For", client);
    }

    Response login(int port, String password) {
        return given().port(port).header("Host", host).formParam("username", email).formParam("password", password)
                .post("/api/v1/fetch_api_key");
    }

    static String client() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void theRightKeyReachesTheUpstreamWithTheIdentityHeaders() {
        int before = upstream.requests();
        Response echoed = throughNginx(client()).auth().preemptive().basic(email, key).post("/api/v1/messages");
        echoed.then().statusCode(200).body("method", equalTo("POST")).body("path", equalTo("/api/v1/messages"));
        assertEquals(before + 1, upstream.requests());
        long userId = login(a.port(), PASSWORD).then().extract().jsonPath().getLong("user_id");
        echoed.then()
                .body("headers.'x-zauth-user-id'", equalTo(Long.toString(userId)))
                .body("headers.'x-zauth-email'", equalTo(email))
                .body("headers.'x-zauth-organization'", equalTo(org))
                .body("headers.'x-zauth-role'", equalTo("moderator"))
                .body("headers.'x-zauth-full-name'", equalTo("Zo%C3%AB%20%C3%9Cnal"));
    }

    @Test
    void aWrongKeyGetsZauthsRefusalAndNeverReachesTheUpstream() {
        Response direct = given().port(a.port()).header("Host", host).auth().preemptive().basic(email, "0".repeat(32))
                .get("/api/v1/users/me");
        int before = upstream.requests();
        Response refused = throughNginx(client()).auth().preemptive().basic(email, "0".repeat(32)).get("/api/v1/messages");
        refused.then().statusCode(401).header("WWW-Authenticate", "Basic realm=\"zulip\"")
                .body("result", equalTo("error")).body("code", equalTo("UNAUTHORIZED")).body("msg", equalTo("Invalid API key"));
        assertEquals(direct.asString(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());

        throughNginx(client()).get("/api/v1/messages").then().statusCode(401)
                .body("msg", equalTo("Not logged in: API authentication or user session required"));
        throughNginx(client()).header("Authorization", "Bearer " + key).get("/api/v1/messages").then().statusCode(400)
                .body("msg", equalTo("This endpoint requires HTTP basic authentication."));
        assertEquals(before, upstream.requests(), "no refused request reaches the upstream");
    }

    @Test
    void identityHeadersTheClientSendsAreReplacedOrRemoved() {
        Response echoed = throughNginx(client()).auth().preemptive().basic(email, key)
                .header("X-Zauth-User-Id", "1").header("x-zauth-role", "owner").header("X-Zauth-Organization", "other")
                .header("X-Zauth-Email", "boss@example.com").header("X-Zauth-Full-Name", "The Boss")
                .get("/api/v1/users/1");
        echoed.then().statusCode(200)
                .body("headers.'x-zauth-role'", equalTo("moderator"))
                .body("headers.'x-zauth-organization'", equalTo(org))
                .body("headers.'x-zauth-email'", equalTo(email))
                .body("headers.'x-zauth-full-name'", equalTo("Zo%C3%AB%20%C3%9Cnal"));
        assertFalse(echoed.jsonPath().getString("headers.'x-zauth-user-id'").contains(","), "one value, zauth's");
        assertTrue(!echoed.jsonPath().getString("headers.'x-zauth-user-id'").equals("1"));

        int before = upstream.requests();
        throughNginx(client()).header("X-Zauth-User-Id", "1").get("/api/v1/messages").then().statusCode(401)
                .header("X-Zauth-User-Id", nullValue());
        assertEquals(before, upstream.requests());
    }

    @Test
    void aKeyRegeneratedOnAnotherInstanceIsRefusedWithinASecond() {
        throughNginx(client()).auth().preemptive().basic(email, key).get("/api/v1/messages").then().statusCode(200);
        String fresh = given().port(b.port()).header("Host", host).auth().preemptive().basic(email, key)
                .post("/api/v1/users/me/api_key/regenerate").then().statusCode(200).extract().path("api_key");
        String client = client();
        PackagedApplicationIT.within1s(() -> throughNginx(client).auth().preemptive().basic(email, key)
                .get("/api/v1/messages").then().extract().statusCode() == 401);
        throughNginx(client()).auth().preemptive().basic(email, fresh).get("/api/v1/messages").then().statusCode(200);
    }

    @Test
    void fetchApiKeyPassesThroughUntouched() {
        int before = upstream.requests();
        Response viaNginx = throughNginx(client()).formParam("username", email).formParam("password", PASSWORD)
                .post("/api/v1/fetch_api_key");
        viaNginx.then().statusCode(200).body("api_key", equalTo(key)).body("email", equalTo(email));
        assertEquals(login(a.port(), PASSWORD).asString(), viaNginx.asString());
        throughNginx(client()).formParam("username", email).formParam("password", "wrong").post("/api/v1/fetch_api_key")
                .then().statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
        throughNginx(client()).auth().preemptive().basic(email, key).get("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(email)).body("full_name", equalTo(FULL_NAME));
        assertEquals(before, upstream.requests(), "zauth's own endpoints never reach the upstream");
    }

    @Test
    void anAddressThatGuessesKeysIsLimitedAndTheClientSeesZauthsRateLimit() {
        String guesser = client();
        for (int i = 0; i < 3; i++) {
            throughNginx(guesser).auth().preemptive().basic(email, UUID.randomUUID().toString().replace("-", ""))
                    .get("/api/v1/messages").then().statusCode(401);
        }
        int before = upstream.requests();
        Response limited = throughNginx(guesser).auth().preemptive().basic(email, "1".repeat(32)).get("/api/v1/messages");
        limited.then().statusCode(429).body("code", equalTo("RATE_LIMIT_HIT"));
        assertTrue(Double.parseDouble(limited.header("Retry-After")) > 0, limited.headers().toString());
        throughNginx(guesser).auth().preemptive().basic(email, key).get("/api/v1/messages").then().statusCode(429);
        assertEquals(before, upstream.requests());
        throughNginx(client()).auth().preemptive().basic(email, key).get("/api/v1/messages").then().statusCode(200);
    }

    @Test
    void whenZauthCannotBeReachedTheClientGetsA503AndTheUpstreamNothing() throws Exception {
        int nobody = FreePorts.next();
        int before = upstream.requests();
        try (ThrowawayNginx orphan = ThrowawayNginx.start(nobody, upstream.port())) {
            given().port(orphan.port()).header("Host", host).auth().preemptive().basic(email, key).get("/api/v1/messages")
                    .then().statusCode(503).body("code", equalTo("AUTHENTICATION_UNAVAILABLE"));
        }
        assertEquals(before, upstream.requests());
    }
}
