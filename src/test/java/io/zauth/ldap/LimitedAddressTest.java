package io.zauth.ldap;

import static io.restassured.RestAssured.given;
import static io.zauth.support.Logins.loginFrom;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client address over its limit costs the directory nothing more: once this instance has seen
 * it refused, its attempts are answered 429 before any search, and its API keys too.
 */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
@TestProfile(LimitedAddressTest.TwoFailuresPerAddress.class)
class LimitedAddressTest {

    public static class TwoFailuresPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.rate-limit.address", "2/30m", "zauth.rate-limit.trusted-proxies", "127.0.0.1");
        }
    }

    static final String LIMITED = "API usage exceeded rate limit";

    @Inject
    Fixtures fixtures;

    @Inject
    MeterRegistry registry;

    double searches() {
        return registry.find("zauth.directory.operations").tag("operation", "find").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void aLimitedAddressGetsNoMoreDirectorySearchesAndNoKeyChecks() {
        Organization org = fixtures.directoryOrganization("search");
        String attacker = "198.51.100.44";
        loginFrom(attacker, org, Fixtures.unique("nobody"), "guess").statusCode(401);
        loginFrom(attacker, org, Fixtures.unique("nobody"), "guess").statusCode(401);
        assertError(loginFrom(attacker, org, Fixtures.unique("nobody"), "guess"), 429, "RATE_LIMIT_HIT", LIMITED);
        double before = searches();
        for (int i = 0; i < 5; i++) {
            assertError(loginFrom(attacker, org, "hamlet", "secret-hamlet"), 429, "RATE_LIMIT_HIT", LIMITED);
        }
        assertEquals(before, searches(), "a limited address still made the directory search");

        Organization emailOrg = fixtures.organization("email");
        var user = fixtures.user(emailOrg);
        assertError(given().header("Host", Fixtures.host(emailOrg)).header("X-Forwarded-For", attacker).auth().preemptive()
                .basic(user.email(), user.apiKey()).get("/api/v1/users/me").then(), 429, "RATE_LIMIT_HIT", LIMITED);
        loginFrom("198.51.100.45", org, "hamlet", "secret-hamlet").statusCode(200);
    }
}
