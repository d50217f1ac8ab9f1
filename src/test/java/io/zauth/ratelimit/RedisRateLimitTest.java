package io.zauth.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same limits counted in a real Redis, as every instance of a deployment shares them. */
@QuarkusTest
@TestProfile(RedisRateLimitTest.WithRedis.class)
class RedisRateLimitTest extends RateLimitBehaviour {

    public static class WithRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisTestResource.class));
        }
    }

    @ConfigProperty(name = RedisTestResource.AVAILABLE)
    boolean redisAvailable;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @BeforeEach
    void requireRedis() {
        assumeTrue(redisAvailable, "redis-server is not installed; CI installs it and sets ZAUTH_REQUIRE_REDIS=true");
    }

    @Test
    void readinessCoversRedis() {
        given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }
}
