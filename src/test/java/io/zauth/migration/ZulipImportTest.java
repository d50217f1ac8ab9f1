package io.zauth.migration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zauth.api.DjangoVectors;
import io.zauth.key.ApiKeys;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import zulip}: Zulip's hashes and keys keep working, re-imports update, bad rows are reported. */
@QuarkusTest
class ZulipImportTest {

    static final String HEADER = "delivery_email,full_name,password,api_key,is_active,role,date_joined\n";
    /** Quoted as PostgreSQL writes it: Django's Argon2 hashes contain commas ({@code m=102400,t=2,p=8}). */
    static final String ARGON2 = "\"" + DjangoVectors.ARGON2ID_DJANGO_DEFAULT + "\"";

    @Inject
    Fixtures fixtures;

    @Inject
    ZulipImport zulipImport;

    @TempDir
    Path dir;

    Organization org;
    String argon2Email;
    String pbkdf2Email;
    String argon2Key = ApiKeys.generate();
    String pbkdf2Key = ApiKeys.generate();
    List<SkippedRow> skipped = new ArrayList<>();

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        argon2Email = Fixtures.unique("argon") + "@example.com";
        pbkdf2Email = Fixtures.unique("pbkdf") + "@example.com";
    }

    ImportSummary importCsv(String csv) throws IOException {
        Path file = Files.writeString(dir.resolve(Fixtures.unique("users") + ".csv"), csv, StandardCharsets.UTF_8);
        return zulipImport.importUsers(org, file, skipped::add);
    }

    ValidatableResponse login(String email, String password) {
        return given().header("Host", Fixtures.host(org)).formParam("username", email).formParam("password", password)
                .post("/api/v1/fetch_api_key").then();
    }

    ValidatableResponse me(String email, String key) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(email, key).get("/api/v1/users/me").then();
    }

    @Test
    void argon2AndPbkdf2UsersLogInWithTheirOldPasswordsAndGetTheirOldKeys() throws IOException {
        String guestEmail = Fixtures.unique("guest") + "@example.com";
        String guestKey = ApiKeys.generate();
        ImportSummary summary = importCsv(HEADER
                + argon2Email + ",Ada Lovelace," + ARGON2 + "," + argon2Key + ",t,100,2019-03-04T05:06:07.123456Z\n"
                + pbkdf2Email + ",\"Brown, \"\"Charlie\"\"\n(second line)\"," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key
                + ",t,400,2020-01-02 03:04:05.5+00\n"
                + guestEmail + ",Guest,!unusableDjangoPassword0123456789abcdefghijkl," + guestKey + ",t,600,2021-06-07T08:09:10Z\n");

        assertEquals(new ImportSummary(3, 0, 0, true), summary);
        assertTrue(skipped.isEmpty(), skipped.toString());

        login(argon2Email, DjangoVectors.PASSWORD).statusCode(200).body("api_key", equalTo(argon2Key));
        me(argon2Email, argon2Key).statusCode(200).body("full_name", equalTo("Ada Lovelace")).body("role", equalTo(100))
                .body("date_joined", equalTo("2019-03-04T05:06:07.123456+00:00"));
        login(pbkdf2Email, DjangoVectors.PASSWORD).statusCode(200).body("api_key", equalTo(pbkdf2Key));
        me(pbkdf2Email, pbkdf2Key).statusCode(200).body("full_name", equalTo("Brown, \"Charlie\"\n(second line)"))
                .body("role", equalTo(400)).body("date_joined", equalTo("2020-01-02T03:04:05.500000+00:00"));
        login(pbkdf2Email, "wrong password").statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));

        UserAccount guest = fixtures.users().byEmail(org.id(), guestEmail).orElseThrow();
        assertNull(guest.passwordHash(), "Django's unusable password imports as no password");
        assertEquals(Role.GUEST, guest.role());
        login(guestEmail, "!unusableDjangoPassword0123456789abcdefghijkl").statusCode(401);
        me(guestEmail, guestKey).statusCode(200).body("role", equalTo(600));
    }

    @Test
    void reimportingUpdatesTheUsersMatchedByEmailWhateverItsCase() throws IOException {
        importCsv(HEADER
                + argon2Email + ",Ada," + ARGON2 + "," + argon2Key + ",t,400,2019-03-04T05:06:07Z\n"
                + pbkdf2Email + ",Charlie," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key + ",t,400,2019-03-04T05:06:07Z\n");
        String newKey = ApiKeys.generate();

        ImportSummary again = importCsv(HEADER
                + argon2Email.toUpperCase() + ",Ada King," + ARGON2 + "," + newKey + ",t,200,2019-03-04T05:06:07Z\n"
                + pbkdf2Email + ",Charlie," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key + ",f,400,2019-03-04T05:06:07Z\n");

        assertEquals(new ImportSummary(0, 2, 0, true), again);
        assertEquals(2, fixtures.users().list(org.id()).size(), "no duplicates");
        me(argon2Email, newKey).statusCode(200).body("full_name", equalTo("Ada King")).body("role", equalTo(200));
        me(argon2Email, argon2Key).statusCode(401);
        login(argon2Email, DjangoVectors.PASSWORD).statusCode(200).body("api_key", equalTo(newKey));
        me(pbkdf2Email, pbkdf2Key).statusCode(401).body("msg", equalTo("Account is deactivated"));
    }

    @Test
    void badRowsAreReportedWithTheirFileLinesAndTheOthersImported() throws IOException {
        String takenElsewhere = fixtures.user(fixtures.organization()).apiKey();
        String good3Email = Fixtures.unique("good") + "@example.com";
        String csv = HEADER                                                                                      // 1
                + argon2Email + ",Ada," + ARGON2 + "," + argon2Key + ",t,400,2019-03-04T05:06:07Z\n" // 2
                + "not-an-email,Bad," + DjangoVectors.PBKDF2_SHA256_260000 + "," + ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n" // 3
                + pbkdf2Email + ",\"Two\nLines\"," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key + ",t,400,2019-03-04T05:06:07Z\n" // 4-5
                + "role@example.com,Role,," + ApiKeys.generate() + ",t,500,2019-03-04T05:06:07Z\n"             // 6
                + "shortkey@example.com,Key,,tooShort42,t,400,2019-03-04T05:06:07Z\n"                         // 7
                + "dupkey@example.com,Dup,," + argon2Key + ",t,400,2019-03-04T05:06:07Z\n"                      // 8
                + "columns@example.com,Columns,t,400\n"                                                        // 9
                + "elsewhere@example.com,Else,," + takenElsewhere + ",t,400,2019-03-04T05:06:07Z\n"            // 10
                + argon2Email.toUpperCase() + ",Again,," + ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n" // 11
                + "bcrypt@example.com,Bcrypt,bcrypt_sha256$$2b$12$abc," + ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n" // 12
                + "date@example.com,Date,," + ApiKeys.generate() + ",t,400,yesterday\n"                          // 13
                + good3Email + ",Good," + DjangoVectors.PBKDF2_SHA256_260000 + "," + ApiKeys.generate() + ",f,300,2019-03-04T05:06:07Z\n" // 14
                + "\n";

        ImportSummary summary = importCsv(csv);

        assertEquals(List.of(3L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), skipped.stream().map(SkippedRow::line).toList(), skipped.toString());
        assertEquals(new ImportSummary(3, 0, 9, true), summary);
        assertFalse(summary.everyRowImported());
        assertEquals("line 8: the API key belongs to another user", skipped.get(3).toString());
        assertEquals("line 11: delivery_email repeats that of line 2", skipped.get(6).toString());
        for (SkippedRow row : skipped) {
            assertFalse(row.reason().contains(argon2Key) || row.reason().contains(takenElsewhere)
                    || row.reason().contains("pbkdf2_sha256$") || row.reason().contains("$2b$"), row.toString());
        }
        login(pbkdf2Email, DjangoVectors.PASSWORD).statusCode(200).body("api_key", equalTo(pbkdf2Key));
        assertEquals(3, fixtures.users().list(org.id()).size());
        fixtures.users().byApiKey(takenElsewhere).ifPresentOrElse(u -> assertTrue(u.organizationId() != org.id()),
                () -> { throw new AssertionError("the other user's key must still work"); });
    }

    @Test
    void malformedCsvStopsTheReadingAtItsLineAndKeepsTheRowsBefore() throws IOException {
        ImportSummary summary = importCsv(HEADER
                + argon2Email + ",Ada,," + argon2Key + ",t,400,2019-03-04T05:06:07Z\n"
                + pbkdf2Email + ",\"Unclosed\" quote,," + pbkdf2Key + ",t,400,2019-03-04T05:06:07Z\n");

        assertEquals(new ImportSummary(1, 0, 1, false), summary);
        assertEquals(3L, skipped.get(0).line(), skipped.toString());
        assertTrue(skipped.get(0).reason().startsWith("malformed CSV"), skipped.toString());
    }

    @Test
    void aFileWithoutTheExpectedColumnsImportsNothing() throws IOException {
        try {
            importCsv("email,full_name\n" + argon2Email + ",Ada\n");
            throw new AssertionError("expected a refusal");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().startsWith("the header lacks column(s) delivery_email, password, api_key"),
                    expected.getMessage());
        }
        assertTrue(fixtures.users().list(org.id()).isEmpty());
    }

    @Test
    void importedJoinDatesAreTheOriginalOnes() throws IOException {
        importCsv(HEADER + argon2Email + ",Ada,," + argon2Key + ",t,400,2015-10-21T16:29:00.25-07:00\n");
        assertEquals(Instant.parse("2015-10-21T23:29:00.25Z"), fixtures.users().byEmail(org.id(), argon2Email).orElseThrow().dateJoined());
    }

    /** What a terminal shows of an import: the rows counted first (a quoted newline and a blank line make no row), then each row done. */
    @Test
    void progressIsToldTheTotalAndEveryRowDoneSkippedOnesToo() throws IOException {
        List<String> events = new ArrayList<>();
        ImportProgress progress = new ImportProgress() {
            @Override
            public void started(long totalRows) {
                events.add("started " + totalRows);
            }

            @Override
            public void rowsDone(long rows) {
                events.add("done " + rows);
            }

            @Override
            public void finished() {
                events.add("finished");
            }
        };
        Path file = Files.writeString(dir.resolve(Fixtures.unique("users") + ".csv"), HEADER
                + argon2Email + ",\"Ada\nLovelace\",," + argon2Key + ",t,400,2019-03-04T05:06:07Z\n"
                + "not-an-email,Nobody,," + ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n"
                + "\n"
                + pbkdf2Email + ",Charlie,," + pbkdf2Key + ",t,400,2019-03-04T05:06:07Z\n", StandardCharsets.UTF_8);

        ImportSummary summary = zulipImport.importUsers(org, file, skipped::add, progress);

        assertEquals(new ImportSummary(2, 0, 1, true), summary);
        assertEquals(List.of("started 3", "done 1", "done 2", "done 3", "finished"), events);
    }
}
