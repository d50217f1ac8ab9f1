package io.zauth.jwt;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zauth.jwt.support.KeycloakJava;
import io.zauth.jwt.support.KeycloakServer;
import io.zauth.jwt.support.Realm;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zulip's JWT login with a real Keycloak 26.7.3 as the issuer: zauth verifies its access tokens
 * through the realm's JWKS URL, refuses tokens of another realm or audience, and follows a key
 * rotated in Keycloak without a restart. Skipped without a Java 21+ for Keycloak, unless CI
 * requires it ({@code ZAUTH_REQUIRE_KEYCLOAK=true}).
 */
@QuarkusTest
@QuarkusTestResource(value = JwtKeycloakIT.KeycloakIssuers.class, restrictToAnnotatedClass = true)
class JwtKeycloakIT {

    static final String PATH = "/api/v1/jwt/fetch_api_key";

    /** Two realms of one Keycloak; zauth trusts the first, for two organizations with different audiences. */
    public static class KeycloakIssuers implements QuarkusTestResourceLifecycleManager {
        static Realm campus;
        static Realm elsewhere;

        @Override
        public Map<String, String> start() {
            if (KeycloakJava.find().isEmpty() && !KeycloakJava.required()) {
                return Map.of();
            }
            KeycloakJava.assumeAvailable();
            KeycloakServer keycloak = KeycloakServer.shared();
            campus = keycloak.createRealm("zauth-campus");
            elsewhere = keycloak.createRealm("zauth-elsewhere");
            Map<String, String> config = new HashMap<>();
            issuer(config, "campus", "kc-campus", "zauth");
            issuer(config, "campus-other-app", "kc-other-app", "another-app");
            return config;
        }

        private static void issuer(Map<String, String> config, String name, String organization, String audience) {
            String prefix = "zauth.jwt.issuers." + name + ".";
            config.put(prefix + "jwks-url", campus.jwksUrl());
            config.put(prefix + "algorithms", "RS256");
            config.put(prefix + "issuer", campus.issuer());
            config.put(prefix + "audience", audience);
            config.put(prefix + "organizations", organization);
            config.put(prefix + "jwks-refresh-min-interval", "1s");
        }

        @Override
        public void stop() {
            // The shared Keycloak is stopped by its shutdown hook.
        }
    }

    @Inject
    Fixtures fixtures;

    Organization campus;

    @BeforeEach
    void requireKeycloak() {
        assumeTrue(KeycloakIssuers.campus != null, "no Java 21+ for Keycloak; CI sets ZAUTH_REQUIRE_KEYCLOAK=true");
        campus = organization("kc-campus");
    }

    Organization organization(String subdomain) {
        return fixtures.organizations().createOrUpdate(subdomain, new OrganizationSettings("Keycloak " + subdomain, null,
                null, List.of("jwt"), null, false, null, null, null, null));
    }

    /** A Keycloak user and the zauth user with the same email. */
    UserAccount person(Realm realm, Organization org, String username) {
        String email = username + "@" + realm.name() + ".example";
        realm.createUser(username, email, "password of " + username);
        return fixtures.user(org, email, null, Role.MEMBER);
    }

    static ValidatableResponse jwtLogin(Organization org, String token) {
        return given().header("Host", Fixtures.host(org)).formParam("token", token).post(PATH).then();
    }

    @Test
    void aKeycloakTokenGivesTheKeyOfTheUserWithItsEmail() {
        UserAccount ada = person(KeycloakIssuers.campus, campus, Fixtures.unique("ada"));
        String username = ada.email().substring(0, ada.email().indexOf('@'));
        jwtLogin(campus, KeycloakIssuers.campus.token(username, "password of " + username)).statusCode(200)
                .body("api_key", equalTo(ada.apiKey())).body("email", equalTo(ada.email()));
    }

    @Test
    void aKeycloakUserUnknownToZauthIsNotCreated() {
        String username = Fixtures.unique("stranger");
        KeycloakIssuers.campus.createUser(username, username + "@campus.example", "password of " + username);
        assertError(jwtLogin(campus, KeycloakIssuers.campus.token(username, "password of " + username)), 401,
                "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    @Test
    void aTokenOfAnotherRealmIsBad() {
        String username = Fixtures.unique("grace");
        String email = username + "@campus.example";
        fixtures.user(campus, email, null, Role.MEMBER);
        KeycloakIssuers.elsewhere.createUser(username, email, "password of " + username);
        assertError(jwtLogin(campus, KeycloakIssuers.elsewhere.token(username, "password of " + username)), 400,
                "BAD_REQUEST", "Bad JSON web token");
    }

    @Test
    void aTokenForAnotherAudienceIsBad() {
        Organization otherApp = organization("kc-other-app");
        UserAccount alan = person(KeycloakIssuers.campus, otherApp, Fixtures.unique("alan"));
        String username = alan.email().substring(0, alan.email().indexOf('@'));
        assertError(jwtLogin(otherApp, KeycloakIssuers.campus.token(username, "password of " + username)), 400,
                "BAD_REQUEST", "Bad JSON web token");
    }

    /** The new key id is unknown to the cached key set: zauth fetches it again, without a restart. */
    @Test
    void aSigningKeyRotatedInKeycloakIsPickedUpWithoutARestart() throws InterruptedException {
        Realm realm = KeycloakIssuers.campus;
        UserAccount joan = person(realm, campus, Fixtures.unique("joan"));
        String username = joan.email().substring(0, joan.email().indexOf('@'));
        jwtLogin(campus, realm.token(username, "password of " + username)).statusCode(200);
        String before = realm.signingKeyId();
        String after = realm.rotateSigningKey();
        assertNotEquals(before, after);
        String rotated = realm.token(username, "password of " + username);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = jwtLogin(campus, rotated).extract().statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = jwtLogin(campus, rotated).extract().statusCode();
        }
        jwtLogin(campus, rotated).statusCode(200).body("api_key", equalTo(joan.apiKey()));
    }
}
