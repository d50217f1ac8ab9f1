package io.zauth.audit;

import static io.zauth.support.Logins.login;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.ldap.DirectoryTestResource;
import io.zauth.ldap.support.SeedPeople;
import io.zauth.org.Organization;
import io.zauth.support.CapturedLogs;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary secrets (random passwords, API keys, directory bind passwords) sent through every login
 * path never reach a log record: not its message, parameters, formatted text, MDC or exception.
 * Every record of the logging system is captured, zauth's own categories and the LDAP SDK at every
 * level, the rest at DEBUG (Hibernate's listing of stored columns included: keys are stored only
 * as digest and ciphertext), except the test's own HTTP client, which logs what it sends.
 */
@QuarkusTest
@QuarkusTestResource(value = NoSecretInLogsTest.CanaryDirectories.class, restrictToAnnotatedClass = true)
class NoSecretInLogsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The test directories, plus two whose bind password is a canary: one reachable (the bind fails), one dead. */
    public static class CanaryDirectories extends DirectoryTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            String search = "zauth.directories.search.";
            for (String name : List.of("canarybind", "canarydead")) {
                String prefix = "zauth.directories." + name + ".";
                config.put(prefix + "urls", name.equals("canarybind") ? config.get(search + "urls") : "ldap://127.0.0.1:1");
                config.put(prefix + "bind-dn", config.get(search + "bind-dn"));
                config.put(prefix + "bind-password", canary("bind"));
                config.put(prefix + "user-search-base", config.get(search + "user-search-base"));
                config.put(prefix + "append-domain", "example.org");
                config.put(prefix + "connect-timeout", "1s");
            }
            return config;
        }
    }

    static String canary(String kind) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder("canary" + kind);
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Inject
    Fixtures fixtures;

    final List<String> canaries = new ArrayList<>();
    final Map<String, Level> savedLevels = new HashMap<>();
    final CapturedLogs capture = new CapturedLogs("");

    @BeforeEach
    void captureEverything() {
        setLevel("", Level.FINE);
        for (String category : List.of("io.zauth", "zauth", "com.unboundid")) {
            setLevel(category, Level.ALL);
        }
        // The test's own HTTP client logs the requests it sends (passwords included) at DEBUG: not zauth's logs.
        setLevel("org.apache.http", Level.INFO);
        capture.attach();
    }

    @AfterEach
    void restore() {
        capture.detach();
        savedLevels.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
    }

    private void setLevel(String category, Level level) {
        Logger logger = Logger.getLogger(category);
        savedLevels.put(category, logger.getLevel());
        logger.setLevel(level);
    }

    @Test
    void noPasswordKeyOrBindCredentialIsEverLogged() {
        Organization org = fixtures.organization();
        String password = secret("password");
        String email = Fixtures.unique("canary") + "@example.com";
        fixtures.user(org, email, password, Role.MEMBER);

        String key = login(org, email, password).statusCode(200).extract().path("api_key");
        canaries.add(key);
        login(org, email, secret("wrong")).statusCode(401);
        login(org, Fixtures.unique("nobody") + "@example.com", secret("unknown")).statusCode(401);
        login(org, "not-an-email", secret("format")).statusCode(400);
        login(org, email, secret("control") + "\u0001").statusCode(400);
        login(org, email, secret("nul") + "\u0000").statusCode(400);
        login(org, email + "\u001b", secret("username-control")).statusCode(400);
        login(org, email, secret("long") + "p".repeat(2_000)).statusCode(400);
        given().header("Host", Fixtures.host(org)).queryParam("username", email).queryParam("password", secret("query"))
                .post("/api/v1/fetch_api_key").then().statusCode(401);

        basic(org, email, secret("wrongkey")).get("/api/v1/users/me").then().statusCode(401);
        basic(org, email, password).get("/api/v1/users/me").then().statusCode(401);
        basic(org, email, key).get("/api/v1/users/me").then().statusCode(200);
        String newKey = basic(org, email, key).post("/api/v1/users/me/api_key/regenerate").then().statusCode(200)
                .extract().path("api_key");
        canaries.add(newKey);
        basic(org, email, key).get("/api/v1/users/me").then().statusCode(401);
        basic(org, email, newKey).get("/api/v1/users/me").then().statusCode(200);

        Organization directory = fixtures.directoryOrganization("search");
        canaries.add("secret-hamlet");
        canaries.add(SeedPeople.SERVICE_PASSWORD);
        login(directory, "hamlet", "secret-hamlet").statusCode(200);
        login(directory, "hamlet", secret("directory-wrong")).statusCode(401);
        login(directory, Fixtures.unique("nobody"), secret("directory-unknown")).statusCode(401);
        login(fixtures.directoryOrganization("dead"), "hamlet", secret("directory-down")).statusCode(503);
        for (String name : List.of("canarybind", "canarydead")) {
            canaries.add(ConfigProvider.getConfig().getValue("zauth.directories." + name + ".bind-password", String.class));
            int status = login(fixtures.directoryOrganization(name), "hamlet", secret("bind-" + name)).extract().statusCode();
            assertTrue(status == 401 || status == 503, name + " answered " + status);
        }

        assertTrue(capture.records().size() > 10, "the capture saw only " + capture.records().size() + " records");
        List<String> leaks = new ArrayList<>();
        for (LogRecord record : capture.records()) {
            String text = everythingIn(record);
            for (String canary : canaries) {
                if (text.contains(canary)) {
                    leaks.add(record.getLoggerName() + ": " + text);
                }
            }
        }
        assertEquals(List.of(), leaks, "log records containing a secret");
    }

    private String secret(String kind) {
        String secret = canary(kind);
        canaries.add(secret);
        return secret;
    }

    private static io.restassured.specification.RequestSpecification basic(Organization org, String email, String key) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(email, key);
    }

    private static String everythingIn(LogRecord record) {
        StringBuilder text = new StringBuilder();
        text.append(record.getMessage()).append('\n');
        text.append(Arrays.deepToString(record.getParameters())).append('\n');
        if (record instanceof ExtLogRecord ext) {
            text.append(ext.getFormattedMessage()).append('\n');
            text.append(ext.getMdcCopy()).append('\n').append(ext.getNdc()).append('\n');
        } else {
            text.append(new java.util.logging.SimpleFormatter().formatMessage(record)).append('\n');
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
        return text.toString();
    }
}
