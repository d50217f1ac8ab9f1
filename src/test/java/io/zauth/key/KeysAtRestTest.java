package io.zauth.key;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zauth.org.Organization;
import io.zauth.password.PasswordHasher;
import io.zauth.support.Fixtures;
import io.zauth.user.ApiKeyIndexing;
import io.zauth.user.PlaintextKeyConversion;
import io.zauth.user.UserAccount;
import io.zauth.user.UserEntity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The database holds no usable API key: digests and sealed keys only, and old plaintext keys are converted. */
@QuarkusTest
class KeysAtRestTest {

    static final String ME = "/api/v1/users/me";
    static final Set<Integer> STRING_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    PlaintextKeyConversion conversion;

    @Inject
    ApiKeyIndexing indexing;

    @Inject
    PasswordHasher hasher;

    @Test
    void aCopyOfTheDatabaseAloneAuthenticatesNobody() throws SQLException {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        String key = fetch(org, user.email()).statusCode(200).extract().path("api_key");
        basic(org, user.email(), key).statusCode(200);

        List<String> scanned = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : tables(meta, c.getSchema())) {
                for (String column : stringColumns(meta, c.getSchema(), table)) {
                    scanned.add(table + "." + column);
                    assertEquals(0, countContaining(c, table, column, key), "the API key is stored in " + table + "." + column);
                }
            }
        }
        assertTrue(scanned.stream().anyMatch(name -> name.equalsIgnoreCase("zauth_user.api_key_sealed")), scanned.toString());

        StoredKey stored = stored(user.id());
        for (String fromDatabase : List.of(stored.digest(), stored.sealed(), stored.digest().substring(0, 32),
                stored.sealed().replaceAll("[^A-Za-z0-9]", "").substring(0, 32))) {
            basic(org, user.email(), fromDatabase).statusCode(401);
        }
    }

    @Test
    void regenerationReplacesDigestAndSealedKeyAndRefusesTheOldKey() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        StoredKey before = stored(user.id());
        String fresh = given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .post(ME + "/api_key/regenerate").then().statusCode(200).extract().path("api_key");
        StoredKey after = stored(user.id());
        assertNotEquals(before.digest(), after.digest());
        assertNotEquals(before.sealed(), after.sealed());
        basic(org, user.email(), user.apiKey()).statusCode(401);
        basic(org, user.email(), fresh).statusCode(200);
        assertEquals(fresh, fetch(org, user.email()).statusCode(200).extract().path("api_key"));
    }

    @Test
    void aKeyStoredInPlaintextByAnEarlierVersionIsConvertedAndKeepsWorking() {
        Organization org = fixtures.organization();
        String key = ApiKeys.generate();
        long userId = insertTheOldWay(org, Fixtures.unique("legacy") + "@example.com", key);
        String email = fixtures.users().byId(userId).orElseThrow().email();

        assertTrue(conversion.run() >= 1);
        StoredKey converted = stored(userId);
        assertNull(converted.plaintext(), "the plaintext key is cleared");
        assertNotNull(converted.digest());
        assertNotNull(converted.sealed());
        basic(org, email, key).statusCode(200);
        assertEquals(key, fetch(org, email).statusCode(200).extract().path("api_key"));

        conversion.run();
        assertEquals(converted, stored(userId), "a second run changes nothing");
    }

    @Test
    void concurrentConversionsConvertEachKeyExactlyOnce() throws Exception {
        Organization org = fixtures.organization();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = ApiKeys.generate();
            keys.add(key);
            insertTheOldWay(org, Fixtures.unique("legacy") + "@example.com", key);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> run = conversion::run;
            int total = 0;
            for (Future<Integer> converted : pool.invokeAll(List.of(run, run, run, run))) {
                total += converted.get();
            }
            assertEquals(keys.size(), total);
        } finally {
            pool.shutdownNow();
        }
        for (UserAccount user : fixtures.users().list(org.id())) {
            assertTrue(keys.contains(user.apiKey()), user.email());
            basic(org, user.email(), user.apiKey()).statusCode(200);
        }
    }

    @Test
    void aKeySealedUnderALostEncryptionKeyIsRefusedAndReplacedAtTheNextPasswordLogin() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        String foreignSeal = new ApiKeyProtection(KeySecrets.generate()).seal(user.apiKey());
        update(user.id(), "api_key_sealed", foreignSeal);
        basic(org, user.email(), user.apiKey()).statusCode(401);
        String fresh = fetch(org, user.email()).statusCode(200).extract().path("api_key");
        assertNotEquals(user.apiKey(), fresh);
        basic(org, user.email(), fresh).statusCode(200);
        basic(org, user.email(), user.apiKey()).statusCode(401);
    }

    /** A start with another digest key indexes every key again; a start with the recorded one touches nothing. */
    @Test
    void keysDigestedUnderAnotherDigestKeyAreIndexedAgainAtStartUp() throws SQLException {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        update(user.id(), "api_key_digest", new ApiKeyProtection(KeySecrets.generate()).digest(user.apiKey()));
        basic(org, user.email(), user.apiKey()).statusCode(401);
        assertEquals(0, indexing.run(), "the digest key is the one recorded: nothing to do");
        basic(org, user.email(), user.apiKey()).statusCode(401);

        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.executeUpdate("UPDATE api_key_digest_key SET fingerprint = 'another digest key'");
        }
        assertTrue(indexing.run() >= 1);
        basic(org, user.email(), user.apiKey()).statusCode(200);
        assertEquals(user.apiKey(), fetch(org, user.email()).statusCode(200).extract().path("api_key"));
        assertEquals(0, indexing.run(), "the new digest key is recorded");
    }

    void update(long userId, String column, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE zauth_user SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setLong(2, userId);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    ValidatableResponse fetch(Organization org, String email) {
        return given().header("Host", Fixtures.host(org)).formParam("username", email)
                .formParam("password", Fixtures.PASSWORD).post("/api/v1/fetch_api_key").then();
    }

    ValidatableResponse basic(Organization org, String email, String key) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(email, key).get(ME).then();
    }

    record StoredKey(String digest, String sealed, String plaintext) {}

    StoredKey stored(long userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT api_key_digest, api_key_sealed, api_key FROM zauth_user WHERE id = ?")) {
            select.setLong(1, userId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new StoredKey(row.getString(1), row.getString(2), row.getString(3));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A user row as V1 and V2 wrote it: the key in plaintext, no digest, no sealed copy. */
    long insertTheOldWay(Organization org, String email, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO zauth_user (organization_id, email, email_key,"
                        + " full_name, role, active, date_joined, password_hash, password_reset_required, api_key, timezone)"
                        + " VALUES (?, ?, ?, 'Legacy User', 400, TRUE, ?, ?, FALSE, ?, '')")) {
            insert.setLong(1, org.id());
            insert.setString(2, email);
            insert.setString(3, UserEntity.emailKey(email));
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(5, hasher.hash(Fixtures.PASSWORD));
            insert.setString(6, key);
            assertEquals(1, insert.executeUpdate());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return fixtures.users().byEmail(org.id(), email).orElseThrow().id();
    }

    static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.stream().anyMatch("zauth_user"::equalsIgnoreCase), "schema " + schema + ": " + tables);
        return tables;
    }

    static List<String> stringColumns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                if (STRING_TYPES.contains(rows.getInt("DATA_TYPE"))) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return columns;
    }

    static int countContaining(Connection c, String table, String column, String value) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM \"" + table + "\" WHERE \"" + column + "\" LIKE ?")) {
            count.setString(1, "%" + value + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
