package io.zauth.ratelimit;

import static io.zauth.support.Logins.login;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.zauth.login.AuthenticationChain;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Zulip's authenticate_by_username limit (reference §2.6), run against each attempt store:
 * every attempt counts, the next one over the limit is refused with 429 whatever the password,
 * a success clears the count, and the window lets the username in again.
 */
abstract class RateLimitBehaviour {


    @Inject
    Fixtures fixtures;

    @Inject
    LoginRateLimiter rateLimiter;

    @Inject
    AuthenticationChain chain;

    Organization organizationLimitedTo(String limit) {
        Organization org = fixtures.organization("email");
        return fixtures.update(org, new OrganizationSettings(null, null, null, null, null, null, null, null, null, limit));
    }

    static ValidatableResponse assertRateLimited(ValidatableResponse response, int limit) {
        return assertError(response, 429, "RATE_LIMIT_HIT", "API usage exceeded rate limit")
                .header("X-RateLimit-Limit", Integer.toString(limit))
                .header("X-RateLimit-Remaining", "0");
    }

    @Test
    void theAttemptAfterTheLimitIsRefusedEvenWithTheRightPassword() {
        Organization org = organizationLimitedTo("3/30m");
        UserAccount user = fixtures.user(org);
        for (int remaining = 2; remaining >= 0; remaining--) {
            assertError(login(org, user.email(), "wrong password"), 401, "AUTHENTICATION_FAILED",
                    "Your username or password is incorrect")
                    .header("X-RateLimit-Limit", "3")
                    .header("X-RateLimit-Remaining", Integer.toString(remaining));
        }
        long now = System.currentTimeMillis() / 1000;
        ExtractableResponse<Response> refused = assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 3)
                .extract();
        float retryAfter = refused.path("retry-after");
        assertTrue(retryAfter > 1790 && retryAfter <= 1800, "retry-after " + retryAfter);
        assertEquals(Float.parseFloat(refused.header("Retry-After")), retryAfter, 0.001);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertTrue(reset >= now + 1790 && reset <= now + 1801, "X-RateLimit-Reset " + reset);
        assertEquals("{\"result\":\"error\",\"msg\":\"API usage exceeded rate limit\",\"code\":\"RATE_LIMIT_HIT\",\"retry-after\":",
                refused.asString().substring(0, refused.asString().indexOf(':', 70) + 1), "Zulip's key order");
    }

    @Test
    void aSuccessClearsTheCount() {
        Organization org = organizationLimitedTo("3/30m");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200).header("X-RateLimit-Remaining", "0");
        for (int i = 0; i < 3; i++) {
            login(org, user.email(), "wrong password").statusCode(401);
        }
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 3);
    }

    @Test
    void theUsernameMayTryAgainOnceTheWindowHasPassed() throws InterruptedException {
        Organization org = organizationLimitedTo("2/2s");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), "wrong password").statusCode(401);
        float retryAfter = assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 2)
                .body("'retry-after'", lessThanOrEqualTo(2.0f)).body("'retry-after'", greaterThan(0.0f))
                .extract().path("retry-after");
        Thread.sleep((long) (retryAfter * 1000) + 100);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void caseDoesNotBuyAFreshCount() {
        Organization org = organizationLimitedTo("2/30m");
        UserAccount user = fixtures.user(org);
        login(org, user.email().toUpperCase(), "wrong password").statusCode(401);
        login(org, user.email().substring(0, 1).toUpperCase() + user.email().substring(1), "wrong password").statusCode(401);
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 2);
    }

    /** Quotes, escapes and case reach the same address: none of them buys a fresh count. */
    @Test
    void quotedEscapedAndCasedSpellingsOfAnAddressShareItsCount() {
        Organization org = organizationLimitedTo("3/30m");
        UserAccount user = fixtures.user(org);
        String local = user.email().substring(0, user.email().indexOf('@'));
        login(org, "\"" + local + "\"@example.com", "wrong password").statusCode(401);
        login(org, "\"" + local.charAt(0) + "\\" + local.substring(1) + "\"@example.com", "wrong password").statusCode(401);
        login(org, local.toUpperCase() + "@EXAMPLE.com", "wrong password").statusCode(401);
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 3);
    }

    @Test
    void countsBelongToOneUsernameInOneOrganization() {
        Organization org = organizationLimitedTo("2/30m");
        UserAccount user = fixtures.user(org);
        UserAccount neighbour = fixtures.user(org);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), "wrong password").statusCode(401);
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 2);
        login(org, neighbour.email(), Fixtures.PASSWORD).statusCode(200);
        Organization other = organizationLimitedTo("2/30m");
        UserAccount sameName = fixtures.user(other, user.email(), Fixtures.PASSWORD, io.zauth.user.Role.MEMBER);
        login(other, sameName.email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void unknownUsernamesAreLimitedLikeKnownOnes() {
        Organization org = organizationLimitedTo("2/30m");
        login(org, "nobody@example.com", "guess one").statusCode(401);
        login(org, "nobody@example.com", "guess two").statusCode(401);
        assertRateLimited(login(org, "nobody@example.com", "guess three"), 2);
    }

    @Test
    void anAdministratorsResetLetsTheUsernameInAtOnce() {
        Organization org = organizationLimitedTo("2/30m");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), "wrong password").statusCode(401);
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 2);
        chain.identities(org, user.email().toUpperCase()).forEach(rateLimiter::reset);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200);
    }

    @Test
    void concurrentAttemptsCannotSlipPastTheLimit() throws Exception {
        Organization org = organizationLimitedTo("3/30m");
        UserAccount user = fixtures.user(org);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                statuses.add(pool.submit(() -> login(org, user.email(), "wrong password").extract().statusCode()));
            }
            int failed = 0;
            int limited = 0;
            for (Future<Integer> status : statuses) {
                switch (status.get()) {
                    case 401 -> failed++;
                    case 429 -> limited++;
                    default -> throw new AssertionError("unexpected status " + status.get());
                }
            }
            assertEquals(3, failed, "exactly the limit's attempts reach a backend");
            assertEquals(21, limited);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOrganizationWithoutItsOwnLimitFollowsTheServers() {
        Organization org = fixtures.organization("email");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200)
                .header("X-RateLimit-Limit", equalTo(Integer.toString(rateLimiter.identityLimit(org.loginRateLimit()).attempts())));
    }
}
