package io.zauth.ldap;

import static io.restassured.RestAssured.given;
import static io.zauth.support.Logins.login;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** TLS that must fail closed, failover, and outages that must be a 503, never a failed login. */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class DirectoryOutageTest {

    static final String UNAVAILABLE = "The directory service is unavailable; try again later";

    @Inject
    Fixtures fixtures;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Test
    void startTlsWithTheTestCaWorks() {
        login(fixtures.directoryOrganization("starttls"), "hamlet", "secret-hamlet").statusCode(200);
    }

    @Test
    void ldapsWithAPkcs12TrustStoreWorks() {
        login(fixtures.directoryOrganization("ldaps"), "hamlet", "secret-hamlet").statusCode(200);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        assertError(login(fixtures.directoryOrganization("wronghost"), "hamlet", "secret-hamlet"),
                503, "DIRECTORY_UNAVAILABLE", UNAVAILABLE).header("Retry-After", "5");
    }

    @Test
    void aServerThatRefusesStartTlsFailsClosed() {
        assertError(login(fixtures.directoryOrganization("nostarttls"), "hamlet", "secret-hamlet"),
                503, "DIRECTORY_UNAVAILABLE", UNAVAILABLE);
    }

    @Test
    void theNextUrlIsTriedWhenTheFirstIsDead() {
        login(fixtures.directoryOrganization("failover"), "hamlet", "secret-hamlet").statusCode(200);
    }

    @Test
    void allUrlsDeadIs503WithRetryAfter() {
        assertError(login(fixtures.directoryOrganization("dead"), "hamlet", "secret-hamlet"),
                503, "DIRECTORY_UNAVAILABLE", UNAVAILABLE).header("Retry-After", "5");
    }

    @Test
    void aReadTimeoutIs503WithinTheTimeoutPlusOneSecond() {
        Organization org = fixtures.directoryOrganization("silent");
        long start = System.nanoTime();
        assertError(login(org, "hamlet", "secret-hamlet"), 503, "DIRECTORY_UNAVAILABLE", UNAVAILABLE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms with a 1 s read timeout");
    }

    @Test
    void aWrongPasswordOnAnOrganizationWithADeadDirectoryIsNotCalledWrong() {
        Organization org = fixtures.directoryOrganization("dead", "email", "ldap");
        assertError(login(org, Fixtures.unique("x") + "@example.org", "whatever"), 503, "DIRECTORY_UNAVAILABLE", UNAVAILABLE);
    }

    @Test
    void readinessNamesTheDirectoriesThatAreDownAndMetricsCountTheirFailures() {
        login(fixtures.directoryOrganization("dead"), "hamlet", "secret-hamlet").statusCode(503);
        given().get(readiness).then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'LDAP directories' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'LDAP directories' }.data.dead", startsWith("DOWN - "))
                .body("checks.find { it.name == 'LDAP directories' }.data.starttls", equalTo("UP"))
                .body("checks.find { it.name == 'LDAP directories' }.data.ldaps", equalTo("UP"));
        String metrics = given().get(metricsUrl).then().extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("zauth_directory_operations_total{")
                && l.contains("directory=\"dead\"") && l.contains("operation=\"find\"") && l.contains("outcome=\"unavailable\"")),
                "no directory failure counted");
    }
}
