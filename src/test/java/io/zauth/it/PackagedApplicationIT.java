package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
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
        String fresh = login("a new long password").statusCode(200).extract().path("api_key");
        given().header("Host", host).auth().preemptive().basic(email, fresh).get("/api/v1/users/me").then().statusCode(200);

        AdminCommand.ok(null, "org", "deactivate", org);
        within1s(() -> "REALM_DEACTIVATED".equals(login("a new long password").extract().path("code")));
    }

    @Test
    void theCommandLineLiftsARateLimitInTheRunningServer() {
        for (int i = 0; i < 5; i++) {
            login("wrong password").statusCode(401).header("X-RateLimit-Remaining", Integer.toString(4 - i));
        }
        login(PASSWORD).statusCode(429).body("code", equalTo("RATE_LIMIT_HIT"));
        AdminCommand.ok(null, "ratelimit", "reset", "--org", org, "--username", email.toUpperCase());
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
