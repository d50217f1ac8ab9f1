package io.zauth.ratelimit;

import static io.zauth.support.Logins.loginFrom;
import static io.zauth.support.ZulipAssertions.assertError;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit on failed attempts, with the client address taken from X-Forwarded-For
 * because the test client connects from a trusted proxy's address (127.0.0.1).
 */
@QuarkusTest
@TestProfile(AddressRateLimitTest.BehindAProxy.class)
class AddressRateLimitTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.rate-limit.username", "5/30m",
                    "zauth.rate-limit.address", "3/30m",
                    "zauth.rate-limit.trusted-proxies", "127.0.0.1,10.0.0.0/8");
        }
    }

    @Inject
    Fixtures fixtures;

    @Test
    void anAddressThatFailsTooOftenIsRefusedForEveryUsername() {
        Organization org = fixtures.organization("email");
        UserAccount victim = fixtures.user(org);
        String attacker = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            loginFrom(attacker, org, Fixtures.unique("guess") + "@example.com", "password123").statusCode(401);
        }
        assertError(loginFrom(attacker, org, victim.email(), Fixtures.PASSWORD), 429, "RATE_LIMIT_HIT",
                "API usage exceeded rate limit").header("X-RateLimit-Limit", "3");
        loginFrom("198.51.100.8", org, victim.email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void successfulLoginsFromOneAddressNeverCount() {
        Organization org = fixtures.organization("email");
        String classroom = "198.51.100.20";
        for (int i = 0; i < 6; i++) {
            loginFrom(classroom, org, fixtures.user(org).email(), Fixtures.PASSWORD).statusCode(200);
        }
        loginFrom(classroom, org, "typo@example.com", "x").statusCode(401);
        loginFrom(classroom, org, fixtures.user(org).email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void addressesTheClientWroteBeforeTheProxysOwnAreIgnored() {
        Organization org = fixtures.organization("email");
        String client = "198.51.100.30";
        for (int i = 0; i < 3; i++) {
            loginFrom("203.0.113." + i + ", " + client + ", 10.1.2.3", org, Fixtures.unique("guess") + "@example.com", "x")
                    .statusCode(401);
        }
        assertError(loginFrom("203.0.113.99, " + client, org, fixtures.user(org).email(), Fixtures.PASSWORD), 429,
                "RATE_LIMIT_HIT", "API usage exceeded rate limit");
    }

    /** The review's replay: 13 failures from 13 addresses of one /64 against a limit of 10, and no 429. */
    @Test
    void anIpv6NetworkIsCountedAsOneClient() {
        Organization org = fixtures.organization("email");
        UserAccount victim = fixtures.user(org);
        for (int host = 1; host <= 3; host++) {
            loginFrom("2001:db8:7:7::" + host, org, Fixtures.unique("guess") + "@example.com", "x").statusCode(401);
        }
        assertError(loginFrom("2001:db8:7:7:ffff:1:2:3", org, victim.email(), Fixtures.PASSWORD), 429, "RATE_LIMIT_HIT",
                "API usage exceeded rate limit");
        loginFrom("2001:db8:7:8::1", org, victim.email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void theServerDefaultIsFiveAttemptsPerUsername() {
        Organization org = fixtures.organization("email");
        UserAccount user = fixtures.user(org);
        for (int i = 0; i < 5; i++) {
            loginFrom("198.51.100." + (40 + i), org, user.email(), "wrong password").statusCode(401)
                    .header("X-RateLimit-Limit", "3");
        }
        assertError(loginFrom("198.51.100.50", org, user.email(), Fixtures.PASSWORD), 429, "RATE_LIMIT_HIT",
                "API usage exceeded rate limit");
    }
}
