package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Without zauth.dev-auth.enabled the development endpoint does not exist, even for organizations
 * naming dev; nor does the benchmark floor without zauth.benchmark.trivial-endpoint.
 */
@QuarkusTest
class DevFetchApiKeyDisabledTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theEndpointAnswersLikeAnUnknownOne() {
        Organization org = fixtures.organization("email", "dev");
        UserAccount user = fixtures.user(org);
        String unknown = given().header("Host", Fixtures.host(org)).post("/api/v1/no_such_endpoint").then()
                .statusCode(404).extract().asString();
        String dev = assertError(given().header("Host", Fixtures.host(org)).formParam("username", user.email())
                .post(DevFetchApiKeyTest.PATH).then(), 404, "BAD_REQUEST", "Endpoint does not exist").extract().asString();
        assertEquals(unknown, dev);
        String list = assertError(given().header("Host", Fixtures.host(org)).get("/api/v1/dev_list_users").then(), 404,
                "BAD_REQUEST", "Endpoint does not exist").extract().asString();
        assertEquals(unknown, list);
    }

    @Test
    void theBenchmarkEndpointAnswersLikeAnUnknownOne() {
        Organization org = fixtures.organization("email");
        String unknown = given().header("Host", Fixtures.host(org)).get("/api/v1/no_such_endpoint").then()
                .statusCode(404).extract().asString();
        String trivial = assertError(given().header("Host", Fixtures.host(org)).get("/api/v1/zauth/benchmark/trivial").then(),
                404, "BAD_REQUEST", "Endpoint does not exist").extract().asString();
        assertEquals(unknown, trivial);
    }
}
