package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the running service and comes back: every endpoint answers 503
 * Zulip JSON meanwhile, and logins work again without restarting zauth. Needs the throwaway
 * PostgreSQL of {@code scripts/throwaway-postgres} (CI's PostgreSQL pass); skipped on H2, which
 * is embedded and cannot be stopped from outside.
 */
@QuarkusTest
@TestProfile(DevFetchApiKeyTest.DevAuthOn.class)
class DatabaseOutageTest {

    static final String UNAVAILABLE = "The database is unavailable; try again later";

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    Fixtures fixtures;

    @Test
    void everyEndpointAnswers503WhileTheDatabaseIsDownAndLoginsResumeWhenItReturns() throws Exception {
        assumeTrue("postgresql".equals(dbKind), "runs only against PostgreSQL");
        String dir = System.getenv("THROWAWAY_POSTGRES_DIR");
        String port = System.getenv("THROWAWAY_POSTGRES_PORT");
        assertNotNull(dir, "start PostgreSQL with: eval \"$(scripts/throwaway-postgres start DIR PORT)\"");
        Organization org = fixtures.organization("email", "dev");
        UserAccount user = fixtures.user(org);
        String key = login(org, user).statusCode(200).extract().path("api_key");

        throwawayPostgres("stop", dir);
        try {
            // The user and the key are in the account cache, which stops serving once its next
            // read of the account changes fails: within one poll interval. From then on, all 503.
            unavailable(awaitUnavailable(() -> given().header("Host", Fixtures.host(org)).auth().preemptive()
                    .basic(user.email(), key).get(UsersMeTest.ME).then()));
            unavailable(login(org, user));
            unavailable(given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), key)
                    .post("/api/v1/users/me/api_key/regenerate").then());
            unavailable(given().header("Host", Fixtures.host(org)).get(ServerSettingsTest.PATH).then());
            unavailable(given().header("Host", Fixtures.host(org)).formParam("username", user.email())
                    .post(DevFetchApiKeyTest.PATH).then());
        } finally {
            throwawayPostgres("start", dir, port);
        }

        assertEquals(key, login(org, user).statusCode(200).extract().path("api_key"));
        given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), key)
                .get(UsersMeTest.ME).then().statusCode(200);
        given().header("Host", Fixtures.host(org)).get(ServerSettingsTest.PATH).then().statusCode(200);
    }

    private static ValidatableResponse login(Organization org, UserAccount user) {
        return given().header("Host", Fixtures.host(org)).formParam("username", user.email())
                .formParam("password", Fixtures.PASSWORD).post(FetchApiKeyTest.PATH).then();
    }

    private static ValidatableResponse awaitUnavailable(Supplier<ValidatableResponse> request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ValidatableResponse response = request.get();
        while (response.extract().statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = request.get();
        }
        return response;
    }

    private static void unavailable(ValidatableResponse response) {
        assertError(response, 503, "DATABASE_UNAVAILABLE", UNAVAILABLE).header("Retry-After", "5")
                .body(not(containsString("Exception"))).body(not(containsString("jdbc")));
    }

    private static void throwawayPostgres(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of("scripts/throwaway-postgres").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "throwaway-postgres " + arguments[0] + " timed out");
        assertEquals(0, process.exitValue(), "throwaway-postgres " + arguments[0] + " failed");
    }
}
