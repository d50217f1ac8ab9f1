package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.zauth.api.DjangoVectors;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as operators run it: one process serves, another administers the same
 * database (the embedded H2 file, or PostgreSQL), and changes show within one second.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    static final String PASSWORD = "a long enough password";

    String org;
    String host;
    String email;
    long userId;

    @BeforeEach
    void createOrganizationAndUserWithTheCommandLine() {
        org = "it-" + UUID.randomUUID().toString().substring(0, 8);
        host = org + ".localhost";
        email = "ada-" + org + "@example.com";
        AdminCommand.ok(null, "org", "create", org, "--name", "Integration", "--methods", "email");
        userId = Long.parseLong(AdminCommand.ok(PASSWORD + "\n", "user", "create", "--org", org, "--email", email,
                "--full-name", "Ada Lovelace", "--password-stdin").strip());
    }

    ValidatableResponse login(String password) {
        return given().header("Host", host).formParam("username", email).formParam("password", password)
                .post("/api/v1/fetch_api_key").then();
    }

    @Test
    void loginGivesAStableKeyThatAuthenticatesUsersMe() {
        String key = login(PASSWORD).statusCode(200)
                .body("email", equalTo(email))
                .body("user_id", equalTo((int) userId))
                .body("api_key", matchesPattern("[A-Za-z0-9]{32}"))
                .extract().path("api_key");
        login(PASSWORD).statusCode(200).body("api_key", equalTo(key));
        given().header("Host", host).auth().preemptive().basic(email, key).get("/api/v1/users/me").then()
                .statusCode(200).body("full_name", equalTo("Ada Lovelace")).body("role", equalTo(400));
    }

    @Test
    void failuresAreZulipErrors() {
        login("wrong password").statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"))
                .body("msg", equalTo("Your username or password is incorrect"));
        given().header("Host", host).formParam("username", email).post("/api/v1/fetch_api_key").then()
                .statusCode(400).body("code", equalTo("REQUEST_VARIABLE_MISSING")).body("var_name", equalTo("password"));
        given().header("Host", host).get("/api/v1/fetch_api_key").then()
                .statusCode(405).body("allowed_methods", equalTo(List.of("POST")));
        given().header("Host", "nowhere.localhost").formParam("username", email).formParam("password", PASSWORD)
                .post("/api/v1/fetch_api_key").then().statusCode(404).body("code", equalTo("NONEXISTENT_SUBDOMAIN"));
        given().header("Host", host).post("/api/v1/dev_fetch_api_key").then().statusCode(404);
    }

    /** Production serves the API's description but not Swagger UI (docs/configuration.md). */
    @Test
    void theOpenApiDocumentIsServedAndSwaggerUiIsNot() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/fetch_api_key'.post.operationId", equalTo("fetch-api-key"));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }

    @Test
    void commandLineChangesTakeEffectInTheRunningServiceWithinOneSecond() {
        String key = login(PASSWORD).statusCode(200).extract().path("api_key");

        AdminCommand.ok(null, "user", "deactivate", "--org", org, "--email", email);
        within1s(() -> login(PASSWORD).extract().statusCode() == 401
                && "USER_DEACTIVATED".equals(login(PASSWORD).extract().path("code")));
        AdminCommand.ok(null, "user", "reactivate", "--org", org, "--email", email);
        within1s(() -> login(PASSWORD).extract().statusCode() == 200);

        AdminCommand.ok("a new long password\n", "user", "set-password", "--org", org, "--email", email);
        within1s(() -> login("a new long password").extract().statusCode() == 200);
        login(PASSWORD).statusCode(401);

        AdminCommand.ok(null, "user", "regenerate-key", "--org", org, "--email", email);
        within1s(() -> given().header("Host", host).auth().preemptive().basic(email, key).get("/api/v1/users/me")
                .then().extract().statusCode() == 401);
        // The old key is refused as soon as the database says so; a login may still hand it out until
        // this instance reads the change (one poll interval), so wait for the new key as for the rest.
        within1s(() -> {
            String fresh = login("a new long password").statusCode(200).extract().path("api_key");
            return !fresh.equals(key) && given().header("Host", host).auth().preemptive().basic(email, fresh)
                    .get("/api/v1/users/me").then().extract().statusCode() == 200;
        });

        AdminCommand.ok(null, "org", "deactivate", org);
        within1s(() -> "REALM_DEACTIVATED".equals(login("a new long password").extract().path("code")));
    }

    /** Any spelling of the person lifts their limit: here a quoted, upper-cased form of the address. */
    @Test
    void theCommandLineLiftsARateLimitInTheRunningServer() {
        for (int i = 0; i < 5; i++) {
            login("wrong password").statusCode(401).header("X-RateLimit-Remaining", Integer.toString(4 - i));
        }
        login(PASSWORD).statusCode(429).body("code", equalTo("RATE_LIMIT_HIT"));
        String quoted = "\"" + email.substring(0, email.indexOf('@')).toUpperCase() + "\"" + email.substring(email.indexOf('@'));
        AdminCommand.ok(null, "ratelimit", "reset", "--org", org, "--username", quoted);
        within1s(() -> login(PASSWORD).extract().statusCode() == 200);
    }

    @Test
    void aPasswordChangeLiftsTheRateLimit() {
        for (int i = 0; i < 5; i++) {
            login("wrong password").statusCode(401);
        }
        login(PASSWORD).statusCode(429);
        AdminCommand.ok("a new long password\n", "user", "set-password", "--org", org, "--email", email);
        within1s(() -> login("a new long password").extract().statusCode() == 200);
    }

    @Test
    void aPasswordShorterThanThePolicyIsRefusedInOneLine() {
        AdminCommand.Result result = AdminCommand.run("short\n", "user", "set-password", "--org", org, "--email", email);
        assertEquals(1, result.exitCode());
        assertEquals("zauth: the password must have at least 6 characters and not be blank", result.err().strip());
        login(PASSWORD).statusCode(200);
    }

    @Test
    void commandLineErrorsAreOneLine() {
        AdminCommand.Result result = AdminCommand.run(null, "user", "list", "--org", "no-such-org-" + org);
        assertEquals(1, result.exitCode());
        assertEquals("zauth: no organization 'no-such-org-" + org + "'", result.err().strip());
    }

    @Test
    void embeddedSecretsAreOwnerOnlyAndSecretsGenerateNeedsNoDatabase() throws Exception {
        if (System.getenv("ZAUTH_SECRETS_API_KEY_DIGEST_KEY") == null) {
            Path dataDir = Path.of(System.getenv().getOrDefault("ZAUTH_DATA_DIR", "data"));
            Path secrets = dataDir.resolve("api-key-secrets.properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        }
        List<String> lines = AdminCommand.ok(null, "secrets", "generate").lines()
                .filter(line -> !line.startsWith("#")).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("zauth\\.secrets\\.api-key-digest-key=[A-Za-z0-9+/]{43}="), lines.get(0));
        assertTrue(lines.get(1).matches("zauth\\.secrets\\.api-key-encryption-key=[A-Za-z0-9+/]{43}="), lines.get(1));
    }

    @Test
    void usersImportedFromZulipLogInWithTheirOldPasswordsAndKeys() throws Exception {
        String argon2Email = "argon2-" + org + "@example.com";
        String pbkdf2Email = "pbkdf2-" + org + "@example.com";
        String argon2Key = "Argon2KeyFromZulip" + org.substring(3, 11) + "abcdef";
        String pbkdf2Key = "Pbkdf2KeyFromZulip" + org.substring(3, 11) + "abcdef";
        String header = "delivery_email,full_name,password,api_key,is_active,role,date_joined\n";
        Path file = Files.createTempFile("zulip-users", ".csv");
        Files.writeString(file, header
                + argon2Email + ",\"Lovelace, Ada\",\"" + DjangoVectors.ARGON2ID_DJANGO_DEFAULT + "\"," + argon2Key + ",t,100,2019-03-04T05:06:07.000000Z\n"
                + pbkdf2Email + ",Charles Babbage," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key + ",t,400,2020-01-02T03:04:05.000000Z\n");

        AdminCommand.Result imported = AdminCommand.run(null, "import", "zulip", "--org", org, file.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("imported into '" + org + "': 2 created, 0 updated, 0 skipped"), imported.out());

        for (String[] user : new String[][] {{argon2Email, argon2Key}, {pbkdf2Email, pbkdf2Key}}) {
            given().header("Host", host).formParam("username", user[0]).formParam("password", DjangoVectors.PASSWORD)
                    .post("/api/v1/fetch_api_key").then().statusCode(200).body("api_key", equalTo(user[1]));
            given().header("Host", host).auth().preemptive().basic(user[0], user[1]).get("/api/v1/users/me").then()
                    .statusCode(200).body("email", equalTo(user[0]));
        }

        Files.writeString(file, header
                + pbkdf2Email + ",Charles Babbage FRS," + DjangoVectors.PBKDF2_SHA256_260000 + "," + pbkdf2Key + ",t,200,2020-01-02T03:04:05.000000Z\n"
                + "someone-" + org + "@example.com,Someone,,notAKey,t,400,2020-01-02T03:04:05.000000Z\n");
        AdminCommand.Result partly = AdminCommand.run(null, "import", "zulip", "--org", org, file.toString());
        assertEquals(2, partly.exitCode(), partly.err());
        assertTrue(partly.err().contains("zauth: line 3: api_key is not 32 letters and digits"), partly.err());
        assertTrue(partly.out().contains("0 created, 1 updated, 1 skipped"), partly.out());
        within1s(() -> "Charles Babbage FRS".equals(given().header("Host", host).auth().preemptive().basic(pbkdf2Email, pbkdf2Key)
                .get("/api/v1/users/me").then().extract().path("full_name")));
        Files.delete(file);
    }

    /** The change is checked immediately after the command returns, and may take up to one second. */
    static void within1s(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the change did not take effect within one second");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
