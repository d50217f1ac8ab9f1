package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.support.Logins;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Forward authentication behind a trusted proxy (the test client connects from 127.0.0.1): the
 * original host and client address come from the proxy's headers, failed key checks draw on the
 * address's count of failed logins, and a right key is answered from the account cache.
 */
@QuarkusTest
@TestProfile(ForwardAuthBehindAProxyTest.BehindAProxy.class)
class ForwardAuthBehindAProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zauth.rate-limit.address", "3/30m",
                    "zauth.rate-limit.trusted-proxies", "127.0.0.1",
                    "quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    RequestSpecification from(String client, String host, String email, String key) {
        return given().header("Host", "proxy.internal").header("X-Forwarded-Host", host).header("X-Forwarded-For", client)
                .header("X-Forwarded-Method", "POST").header("X-Forwarded-Uri", "/api/v1/messages?api_key=not-logged")
                .auth().preemptive().basic(email, key);
    }

    @Test
    void theOriginalHostComesFromTheTrustedProxysForwardedHost() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        from("198.51.100.1", Fixtures.host(org) + ", proxy.internal", user.email(), user.apiKey())
                .get(ForwardAuthTest.CHECK).then().statusCode(200).header("X-Zauth-Organization", org.subdomain());
        Organization other = fixtures.organization();
        assertError(from("198.51.100.1", Fixtures.host(other), user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then(),
                401, "UNAUTHORIZED", "Account is not associated with this subdomain");
    }

    @Test
    void failedKeyChecksAndFailedLoginsShareTheAddresssCountAndALimitedAddressIsRefusedEvenWithARightKey() {
        Organization org = fixtures.organization("email");
        UserAccount user = fixtures.user(org);
        String attacker = "198.51.100.66";
        String host = Fixtures.host(org);
        from(attacker, host, user.email(), "0".repeat(32)).get(ForwardAuthTest.CHECK).then().statusCode(401);
        given().header("Host", host).header("X-Forwarded-For", attacker).auth().preemptive().basic(user.email(), "short")
                .get(UsersMeTest.ME).then().statusCode(401);
        Logins.loginFrom(attacker, org, user.email(), "wrong password").statusCode(401);
        assertError(from(attacker, host, user.email(), "1".repeat(32)).get(ForwardAuthTest.CHECK).then(), 429,
                "RATE_LIMIT_HIT", "API usage exceeded rate limit").header("X-Zauth-Error", containsString(
                "RATE_LIMIT_HIT"));
        assertError(from(attacker, host, user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then(), 429,
                "RATE_LIMIT_HIT", "API usage exceeded rate limit");
        assertError(given().header("Host", host).header("X-Forwarded-For", attacker).auth().preemptive()
                .basic(user.email(), user.apiKey()).get(UsersMeTest.ME).then(), 429, "RATE_LIMIT_HIT", "API usage exceeded rate limit");
        from("198.51.100.67", host, user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then().statusCode(200);
    }

    @Test
    void rightKeysAndNoCredentialsNeverCountAgainstTheAddress() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        String office = "198.51.100.70";
        for (int i = 0; i < 5; i++) {
            from(office, Fixtures.host(org), user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then().statusCode(200);
            given().header("Host", Fixtures.host(org)).header("X-Forwarded-For", office).get(ForwardAuthTest.CHECK).then()
                    .statusCode(401);
        }
        from(office, Fixtures.host(org), user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then().statusCode(200);
    }

    @Test
    void aCachedUsersChecksQueryNoDatabase() {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        from("198.51.100.80", Fixtures.host(org), user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then().statusCode(200);
        long before = sessions.getStatistics().getPrepareStatementCount();
        int checks = 300;
        for (int i = 0; i < checks; i++) {
            from("198.51.100.80", Fixtures.host(org), user.email(), user.apiKey()).get(ForwardAuthTest.CHECK).then().statusCode(200);
        }
        long statements = sessions.getStatistics().getPrepareStatementCount() - before;
        // The account cache's poller reads the change log a few times a second whatever the traffic;
        // a query per check would make at least one statement per check.
        assertTrue(statements < checks / 3, statements + " statements for " + checks + " checks");
    }
}
