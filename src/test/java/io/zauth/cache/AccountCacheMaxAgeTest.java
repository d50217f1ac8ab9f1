package io.zauth.cache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A write that bypasses zauth leaves no change row, so no instance drops what it cached; the
 * entry is served from memory for at most {@code zauth.account-cache.max-age}, then read again.
 */
@QuarkusTest
@TestProfile(AccountCacheMaxAgeTest.ShortMaxAge.class)
class AccountCacheMaxAgeTest {

    static final Duration MAX_AGE = Duration.ofSeconds(3);
    /** A few poll intervals of slack for a busy machine. */
    static final Duration SLACK = Duration.ofSeconds(2);

    public static class ShortMaxAge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.account-cache.max-age", MAX_AGE.toMillis() + "ms");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void aWriteWithoutAChangeRowIsSeenOnceTheEntryIsOlderThanMaxAge() throws Exception {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        Thread.sleep(AccountCacheTest.POLLED.toMillis());
        long loaded = System.nanoTime();
        assertEquals(200, me(org, user));
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE zauth_user SET active = FALSE WHERE id = ?")) {
            update.setLong(1, user.id());
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(200, me(org, user), "served from memory: no change row was written");

        long deadline = loaded + MAX_AGE.plus(SLACK).toNanos();
        while (me(org, user) != 401) {
            assertTrue(System.nanoTime() < deadline, "still served from memory after " + MAX_AGE.plus(SLACK));
            Thread.sleep(50);
        }
        assertTrue(System.nanoTime() - loaded >= MAX_AGE.toNanos() - Duration.ofMillis(100).toNanos(),
                "read again only once the entry was older than max-age");
    }

    private static int me(Organization org, UserAccount user) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .get(AccountCacheTest.ME).then().extract().statusCode();
    }
}
