package io.zauth.ops;

import static io.zauth.support.Logins.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndMetricsTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource(value = "health/live", management = true)
    URL liveness;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    @Test
    void livenessAndReadinessAreUpWithTheDatabaseChecked() {
        given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("LDAP directories"));
    }

    @Test
    void loginsAreCountedByOrganizationBackendAndOutcomeWithoutUsernames() {
        Organization org = fixtures.update(fixtures.organization("email"),
                new OrganizationSettings(null, null, null, null, null, null, null, null, null, "1/30m"));
        UserAccount user = fixtures.user(org);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200);
        login(org, user.email(), "wrong").statusCode(401);
        login(org, user.email(), "wrong").statusCode(429);
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        String organization = "organization=\"" + org.subdomain() + "\"";
        assertLine(metrics, "zauth_login_attempts_total{", "backend=\"email\"", organization, "outcome=\"success\"", "} 1.0");
        assertLine(metrics, "zauth_login_attempts_total{", "backend=\"none\"", organization,
                "outcome=\"AUTHENTICATION_FAILED\"", "} 1.0");
        assertLine(metrics, "zauth_login_attempts_total{", organization, "outcome=\"RATE_LIMIT_HIT\"");
        assertLine(metrics, "zauth_rate_limit_rejections_total{", "limit=\"username\"");
        assertLine(metrics, "zauth_fetch_api_key_seconds_bucket{");
        assertLine(metrics, "zauth_password_verification_seconds_count");
        given().get(metricsUrl).then().body(not(containsString(user.email())));
    }

    @Test
    void apiKeyChecksAreCountedByOutcome() {
        Organization org = fixtures.organization("email");
        UserAccount user = fixtures.user(org);
        given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .get("/api/v1/users/me").then().statusCode(200);
        given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), "x".repeat(32))
                .get("/api/v1/users/me").then().statusCode(401);
        String metrics = given().get(metricsUrl).then().extract().asString();
        assertLine(metrics, "zauth_api_key_checks_total{", "outcome=\"success\"");
        assertLine(metrics, "zauth_api_key_checks_total{", "outcome=\"invalid_key\"");
        given().get(metricsUrl).then().body(not(containsString(user.apiKey())));
    }

    /** Some line of the Prometheus text holds every fragment. */
    static void assertLine(String metrics, String... fragments) {
        for (String line : metrics.split("\n")) {
            boolean all = true;
            for (String fragment : fragments) {
                all &= line.contains(fragment);
            }
            if (all) {
                return;
            }
        }
        throw new AssertionError("no metrics line with " + String.join(" and ", fragments));
    }
}
