package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.ValidatableResponse;
import io.zauth.ratelimit.ThrowawayRedis;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database (the embedded H2 file, or PostgreSQL in CI's second pass)
 * and one Redis, as behind a load balancer: keys and rate limits are the same whichever instance
 * a request reaches.
 */
class TwoInstancesIT {

    static final String PASSWORD = "a long enough password";

    static ThrowawayRedis redis;
    static Map<String, String> shared;
    static RunningInstance a;
    static RunningInstance b;

    String org;
    String host;
    String email;

    @BeforeAll
    static void startRedisAndTwoInstances() {
        assumeTrue(ThrowawayRedis.available() || ThrowawayRedis.required(),
                "redis-server is not installed; CI installs it and sets ZAUTH_REQUIRE_REDIS=true");
        redis = ThrowawayRedis.start();
        shared = Map.of("ZAUTH_RATE_LIMIT_STORE", "redis", "QUARKUS_REDIS_HOSTS", redis.url());
        a = RunningInstance.start("a", shared);
        b = RunningInstance.start("b", shared);
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
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
    void organizationAndUser() {
        org = "two-" + UUID.randomUUID().toString().substring(0, 8);
        host = org + ".localhost";
        email = "grace-" + org + "@example.com";
        AdminCommand.ok(null, "org", "create", org, "--methods", "email");
        AdminCommand.ok(PASSWORD + "\n", "user", "create", "--org", org, "--email", email, "--full-name", "Grace",
                "--password-stdin");
    }

    ValidatableResponse login(RunningInstance instance, String password) {
        return given().port(instance.port()).header("Host", host).formParam("username", email)
                .formParam("password", password).post("/api/v1/fetch_api_key").then();
    }

    ValidatableResponse me(RunningInstance instance, String key) {
        return given().port(instance.port()).header("Host", host).auth().preemptive().basic(email, key)
                .get("/api/v1/users/me").then();
    }

    @Test
    void attemptsOnEitherInstanceCountTogether() {
        RunningInstance[] alternate = {a, b, a, b, a};
        for (int i = 0; i < alternate.length; i++) {
            login(alternate[i], "wrong password").statusCode(401).header("X-RateLimit-Remaining", Integer.toString(4 - i));
        }
        login(b, PASSWORD).statusCode(429).body("code", equalTo("RATE_LIMIT_HIT"));
        login(a, PASSWORD).statusCode(429);
        AdminCommand.okWith(shared, null, "ratelimit", "reset", "--org", org, "--username", email);
        login(b, PASSWORD).statusCode(200);
    }

    @Test
    void aKeyFromOneInstanceWorksOnTheOtherUntilRegenerated() {
        String key = login(a, PASSWORD).statusCode(200).extract().path("api_key");
        login(b, PASSWORD).statusCode(200).body("api_key", equalTo(key));
        me(b, key).statusCode(200).body("email", equalTo(email));
        String fresh = given().port(a.port()).header("Host", host).auth().preemptive().basic(email, key)
                .post("/api/v1/users/me/api_key/regenerate").then().statusCode(200).extract().path("api_key");
        PackagedApplicationIT.within1s(() -> me(b, key).extract().statusCode() == 401);
        me(b, fresh).statusCode(200);
    }
}
