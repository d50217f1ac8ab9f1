package io.zauth.ratelimit;

import static io.restassured.RestAssured.given;
import static io.zauth.support.Logins.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The same limits counted in a real Redis, as every instance of a deployment shares them. */
@QuarkusTest
@TestProfile(RedisRateLimitTest.WithRedis.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

    @Inject
    RedisDataSource redis;

    /** One script call looks at and records both the client address and the identity, before the password is checked. */
    @Test
    void aLoginCountsTheAddressAndTheIdentityInOneRoundTrip() {
        Organization org = organizationLimitedTo("3/30m");
        UserAccount user = fixtures.user(org);
        String address = RedisAttemptStore.PREFIX + "address:127.0.0.1";
        String identity = RedisAttemptStore.PREFIX + LoginRateLimiter.bucketOf(
                chain.identities(org, user.email()).get(0));
        long addressAttempts = redis.execute("LLEN", address).toLong();
        long scripts = scriptCalls();

        login(org, user.email(), "wrong password").statusCode(401);

        assertEquals(1, scriptCalls() - scripts, "script calls for one login");
        assertEquals(addressAttempts + 1, redis.execute("LLEN", address).toLong(), "the address's failures");
        assertEquals(1, redis.execute("LLEN", identity).toLong(), "the identity's attempts");
    }

    /**
     * The server connects and loads the script as it starts, so that its first login need not
     * send it; first, because other tests restart Redis. The load runs beside the start, so it may
     * land just after the server is up.
     */
    @Test
    @Order(1)
    void theServerLoadsTheScriptAsItStartsBeforeAnyLogin() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (redis.execute("SCRIPT", "EXISTS", RedisAttemptStore.ACQUIRE_SHA1).get(0).toInteger() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String stats = redis.execute("INFO", "commandstats").toString();
        assertTrue(stats.contains("cmdstat_script|load:calls="), "SCRIPT LOAD at start: " + stats);
        assertFalse(stats.contains("cmdstat_eval"), "no login has run yet: " + stats);
        assertEquals(1, redis.execute("SCRIPT", "EXISTS", RedisAttemptStore.ACQUIRE_SHA1).get(0).toInteger());
    }

    /** EVALSHA and EVAL calls so far, from Redis's own statistics. */
    private long scriptCalls() {
        Matcher calls = Pattern.compile("cmdstat_(?:evalsha|eval):calls=(\\d+)").matcher(
                redis.execute("INFO", "commandstats").toString());
        long total = 0;
        while (calls.find()) {
            total += Long.parseLong(calls.group(1));
        }
        return total;
    }

    @Test
    void readinessCoversRedis() {
        given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }
}
