package io.zauth.cache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Key and login look-ups come from memory, and a change made by another instance (here: written
 * straight into the database, with the change row every instance writes) is seen within the poll
 * interval.
 */
@QuarkusTest
class AccountCacheTest {

    static final String ME = "/api/v1/users/me";
    /** Far above the test profile's poll interval; the wait ends as soon as the change is seen. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(10);
    /** Several poll intervals: the row the user's creation wrote has been read and applied. */
    static final Duration POLLED = Duration.ofSeconds(2);

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void aKeyLookUpIsServedFromMemoryUntilAChangeIsRecorded() throws InterruptedException {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        Thread.sleep(POLLED.toMillis());
        assertEquals(200, me(org, user));
        sql("UPDATE zauth_user SET active = FALSE WHERE id = ?", user.id());
        assertEquals(200, me(org, user), "a write that bypasses the change rows is not seen: the answer came from memory");

        sql("INSERT INTO account_change (user_id) VALUES (?)", user.id());
        awaitStatus(org, user, 401);
    }

    @Test
    void aKeyReplacedByAnotherInstanceStopsWorkingHere() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        assertEquals(200, me(org, user));
        sql("UPDATE zauth_user SET api_key_digest = ? WHERE id = ?", "0".repeat(48) + Long.toHexString(user.id()), user.id());
        sql("INSERT INTO account_change (user_id) VALUES (?)", user.id());
        awaitStatus(org, user, 401);
    }

    @Test
    void anOrganizationDeactivatedByAnotherInstanceIsSeen() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        assertEquals(200, me(org, user));
        sql("UPDATE organization SET deactivated = TRUE WHERE id = ?", org.id());
        sql("INSERT INTO account_change (organization_id) VALUES (?)", org.id());
        awaitStatus(org, user, 401);
    }

    @Test
    void aPasswordChangedByAnotherInstanceIsSeenByLogins() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        assertEquals(200, login(org, user, Fixtures.PASSWORD));
        UserAccount other = fixtures.user(org, Fixtures.unique("other") + "@example.com", "another password entirely",
                Role.MEMBER);
        sql("UPDATE zauth_user SET password_hash = (SELECT password_hash FROM zauth_user WHERE id = ?) WHERE id = ?",
                other.id(), user.id());
        sql("INSERT INTO account_change (user_id) VALUES (?)", user.id());
        awaitStatus(() -> login(org, user, "another password entirely"), 200);
        assertEquals(401, login(org, user, Fixtures.PASSWORD));
    }

    @Test
    void aChangeMadeHereIsSeenAtOnce() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        assertEquals(200, me(org, user));
        fixtures.users().setActive(user.id(), false);
        assertEquals(401, me(org, user));
        fixtures.users().setActive(user.id(), true);
        assertEquals(200, me(org, user));
    }

    private static void awaitStatus(Organization org, UserAccount user, int status) {
        awaitStatus(() -> me(org, user), status);
    }

    private static void awaitStatus(IntSupplier request, int status) {
        long deadline = System.nanoTime() + SEEN_WITHIN.toNanos();
        while (request.getAsInt() != status) {
            if (System.nanoTime() > deadline) {
                fail("the change was not seen within " + SEEN_WITHIN);
            }
            Thread.onSpinWait();
        }
    }

    private static int login(Organization org, UserAccount user, String password) {
        return given().header("Host", Fixtures.host(org)).formParam("username", user.email()).formParam("password", password)
                .post("/api/v1/fetch_api_key").then().extract().statusCode();
    }

    private static int me(Organization org, UserAccount user) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .get(ME).then().extract().statusCode();
    }

    private void sql(String statement, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
