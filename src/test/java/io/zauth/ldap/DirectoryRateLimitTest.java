package io.zauth.ldap;

import static io.zauth.support.Logins.login;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.zauth.login.AuthenticationChain;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.password.HashingGate;
import io.zauth.ratelimit.LoginRateLimiter;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The login limit counts the directory entry whose password is guessed, not the spelling typed
 * nor the organization it was typed in, and an attempt a backend judged counts even when another
 * backend is down. Hashing is held to one computation with a short wait, so a test can saturate it.
 */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
@TestProfile(DirectoryRateLimitTest.OneHashAtATime.class)
class DirectoryRateLimitTest {

    static final String LIMITED = "API usage exceeded rate limit";

    public static class OneHashAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.password-hashing.max-concurrent", "1", "zauth.password-hashing.max-wait", "200ms");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    HashingGate gate;

    @Inject
    AuthenticationChain chain;

    @Inject
    LoginRateLimiter rateLimiter;

    Organization limitedTo(String limit, String directory, String... methods) {
        return fixtures.update(fixtures.directoryOrganization(directory, methods),
                new OrganizationSettings(null, null, null, null, null, null, null, null, null, limit));
    }

    static ValidatableResponse assertLimited(ValidatableResponse response) {
        return assertError(response, 429, "RATE_LIMIT_HIT", LIMITED);
    }

    @Test
    void everySpellingOfOneEntryDrawsOnOneCount() {
        Organization org = limitedTo("3/30m", "append");
        LdapLoginTest.refused(org, "hamlet", "wrong one");
        LdapLoginTest.refused(org, "hamlet@example.org", "wrong two");
        LdapLoginTest.refused(org, "\"hamlet\"@example.org", "wrong three");
        assertLimited(login(org, "HAMLET", "secret-hamlet"));
        assertLimited(login(org, "\"ham\\let\"@Example.ORG", "secret-hamlet"));
    }

    /** slapd's caseIgnoreMatch folds fullwidth forms, case and outer spaces (it keeps a soft hyphen). */
    @Test
    void unicodeVariantsTheDirectoryFoldsTogetherDrawOnOneCount() {
        Organization org = limitedTo("2/30m", "search");
        LdapLoginTest.refused(org, "\uFF48\uFF41\uFF4D\uFF4C\uFF45\uFF54", "wrong one");
        LdapLoginTest.refused(org, " HAMLET ", "wrong two");
        assertLimited(login(org, "hamlet", "secret-hamlet"));
    }

    @Test
    void oneEntryHasOneCountAcrossTheOrganizationsOfItsDirectory() {
        Organization first = limitedTo("3/30m", "append");
        Organization second = limitedTo("3/30m", "append");
        for (int i = 0; i < 3; i++) {
            LdapLoginTest.refused(first, "aaron", "wrong " + i);
        }
        assertLimited(login(second, "aaron@example.org", "secret-aaron"));
    }

    @Test
    void theRightPasswordOfALimitedEntryNeverReachesTheDirectory() {
        Organization org = limitedTo("2/30m", "search");
        LdapLoginTest.refused(org, "sam", "wrong one");
        LdapLoginTest.refused(org, "samantha@example.org", "wrong two");
        long binds = DirectoryTestResource.directory.bindCount();
        assertLimited(login(org, "sam", "secret-sam"));
        assertEquals(binds, DirectoryTestResource.directory.bindCount(), "a limited entry's password reached a bind");
    }

    @Test
    void namesThatFindNoEntryCountUnderTheirFoldedSpelling() {
        Organization org = limitedTo("3/30m", "search");
        String name = Fixtures.unique("nobody");
        LdapLoginTest.refused(org, name, "guess one");
        LdapLoginTest.refused(org, name.toUpperCase(), "guess two");
        LdapLoginTest.refused(org, name.substring(0, 3) + "\u00AD" + name.substring(3), "guess three");
        assertLimited(login(org, name, "guess four"));
    }

    /** What `zauth ratelimit reset` runs: any spelling of the person clears the entry's count. */
    @Test
    void aResetByAnySpellingClearsTheEntrysCount() {
        Organization org = limitedTo("2/30m", "search");
        LdapLoginTest.refused(org, "test12", "wrong one");
        LdapLoginTest.refused(org, "test12", "wrong two");
        assertLimited(login(org, "test12", "secret-test12"));
        chain.identities(org, "TEST12@example.org").forEach(rateLimiter::reset);
        login(org, "test12", "secret-test12").statusCode(200);
    }

    /** The review's replay: 8 wrong email passwords during an outage were all 503, then the right one got in. */
    @Test
    void aWrongEmailPasswordCountsWhileTheDirectoryIsDown() {
        Organization org = limitedTo("2/30m", "dead", "email", "ldap");
        UserAccount user = fixtures.user(org, Fixtures.unique("local") + "@example.org", Fixtures.PASSWORD, Role.MEMBER);
        for (int i = 0; i < 2; i++) {
            assertError(login(org, user.email(), "wrong " + i), 503, "DIRECTORY_UNAVAILABLE", DirectoryOutageTest.UNAVAILABLE);
        }
        assertLimited(login(org, user.email(), Fixtures.PASSWORD));
    }

    /** Keycloak #9560: what no backend could judge must not lock anybody out. */
    @Test
    void attemptsNoBackendCouldJudgeDoNotCount() {
        Organization org = limitedTo("2/30m", "dead");
        for (int i = 0; i < 4; i++) {
            assertError(login(org, "hamlet", "secret-hamlet"), 503, "DIRECTORY_UNAVAILABLE", DirectoryOutageTest.UNAVAILABLE);
        }
    }

    /** The directory refused the password, then hashing was saturated: the directory's verdict still counts. */
    @Test
    void aPasswordTheDirectoryRefusedCountsWhenHashingIsSaturatedAfterIt() throws Exception {
        Organization org = limitedTo("2/30m", "search", "ldap", "email");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> occupant = CompletableFuture.runAsync(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        try {
            holding.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 2; i++) {
                assertError(login(org, "newuser", "wrong " + i), 503, "SERVER_BUSY",
                        "The server is busy; try again later");
            }
        } finally {
            release.countDown();
            occupant.get(30, TimeUnit.SECONDS);
        }
        assertLimited(login(org, "newuser", "secret-newuser"));
    }
}
