package io.zauth.api;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The root domain before and after an organization is served there. Only this class creates the
 * root organization, and it checks the state without one first.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RootOrganizationTest {

    @Inject
    Fixtures fixtures;

    @Test
    @Order(1)
    void withoutARootOrganizationLoginIs404AndServerSettingsIsRealmLess() {
        assumeTrue(fixtures.organizations().bySubdomain("").isEmpty(), "a root organization exists already");
        assertError(given().header("Host", "zauth.test").formParam("username", "a@example.com").formParam("password", "x")
                .post(FetchApiKeyTest.PATH).then(), 404, "NONEXISTENT_SUBDOMAIN", "Invalid subdomain");
        given().header("Host", "zauth.test").get("/api/v1/server_settings").then().statusCode(200)
                .body("realm_uri", equalTo("http://zauth.test"))
                .body("realm_url", equalTo("http://zauth.test"))
                .body("$", not(hasKey("realm_name")))
                .body("$", not(hasKey("realm_icon")))
                .body("$", not(hasKey("realm_description")))
                .body("realm_web_public_access_enabled", equalTo(false));
    }

    @Test
    @Order(2)
    void theRootOrganizationAnswersAtTheRootDomainAndItsWwwAlias() {
        Organization root = fixtures.organizations().createOrUpdate("", new OrganizationSettings("Root organization",
                null, null, List.of("email"), null, false, null, null, null, null));
        UserAccount user = fixtures.user(root);
        for (String host : List.of("zauth.test", "www.zauth.test:8080", "ZAUTH.TEST")) {
            given().header("Host", host).formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                    .post(FetchApiKeyTest.PATH).then().statusCode(200).body("user_id", equalTo((int) user.id()));
        }
        given().header("Host", "zauth.test").get("/api/v1/server_settings").then().statusCode(200)
                .body("realm_name", equalTo("Root organization"));
    }
}
