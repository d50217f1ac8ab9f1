package io.zauth.jwt.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness against the real Keycloak: realms issue RS256 access tokens with the claims the JWT
 * login reads, signed by a key their JWKS publishes, and a rotation signs with a new key. Only the
 * parts are decoded here (Base64url and JSON); signatures are zauth's to verify.
 */
class KeycloakServerIT {

    static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        KeycloakJava.assumeAvailable();
        keycloak = KeycloakServer.shared();
    }

    @Test
    void eachRealmIssuesTokensWithItsIssuerAudienceAndEmailSignedByAKeyOfItsJwks() {
        Realm one = keycloak.createRealm("harness-one");
        Realm two = keycloak.createRealm("harness-two", "another-audience");
        String adaInOne = one.createUser("ada", "ada@one.example", "ada password one");
        one.createUser("grace", "grace@one.example", "grace password one");
        two.createUser("ada", "ada@two.example", "ada password two");

        String token = checkedToken(one, "ada", "ada password one", "ada@one.example");
        assertEquals(adaInOne, part(token, 1).path("sub").asText());
        checkedToken(one, "grace", "grace password one", "grace@one.example");
        checkedToken(two, "ada", "ada password two", "ada@two.example");

        assertEquals(keycloak.baseUrl() + "/realms/harness-one", one.issuer());
        assertNotEquals(one.issuer(), two.issuer());
        assertTrue(keycloak.baseUrl().startsWith("http://127.0.0.1:"), keycloak.baseUrl());
        assertTrue(Collections.disjoint(kids(one), kids(two)), "two realms must not share a key");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        Realm realm = keycloak.createRealm("harness-refusal");
        realm.createUser("linus", "linus@refusal.example", "the right password");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> realm.token("linus", "a wrong password"));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    @Test
    void aRotationSignsNewTokensWithANewKeyThatOnlyAFreshJwksHas() {
        Realm realm = keycloak.createRealm("harness-rotation");
        realm.createUser("hedy", "hedy@rotation.example", "hedy password");
        String before = kid(realm.token("hedy", "hedy password"));
        assertEquals(realm.signingKeyId(), before);
        Set<String> jwksBefore = kids(realm);

        String rotated = realm.rotateSigningKey();

        String after = kid(checkedToken(realm, "hedy", "hedy password", "hedy@rotation.example"));
        assertEquals(rotated, after);
        assertNotEquals(before, after);
        assertFalse(jwksBefore.contains(after), "a JWKS fetched before the rotation cannot know the new key");
        Set<String> jwksAfter = kids(realm);
        assertTrue(jwksAfter.contains(after), "the new key is in a fresh JWKS: " + jwksAfter);
        assertTrue(jwksAfter.contains(before), "the previous key stays, passive, for the tokens it signed: " + jwksAfter);
        assertEquals(Map.of(before, "PASSIVE", after, "ACTIVE"), realm.signingKeyStatuses());

        realm.removeSigningKey(before);

        assertFalse(kids(realm).contains(before), "a removed key leaves the JWKS");
        assertEquals(rotated, kid(realm.token("hedy", "hedy password")));
    }

    /** Obtains a token, checks its header and claims, and returns it. */
    private static String checkedToken(Realm realm, String username, String password, String email) {
        String token = realm.token(username, password);
        JsonNode header = part(token, 0);
        JsonNode payload = part(token, 1);
        assertEquals("RS256", header.path("alg").asText());
        String kid = header.path("kid").asText();
        assertTrue(kids(realm).contains(kid), "kid " + kid + " is not in " + realm.jwksUrl());
        assertEquals(email, payload.path("email").asText());
        assertTrue(payload.path("email_verified").asBoolean());
        assertEquals(realm.issuer(), payload.path("iss").asText());
        assertEquals(Set.of(realm.audience()), audiences(payload));
        assertEquals(realm.clientId(), payload.path("azp").asText());
        return token;
    }

    private static Set<String> audiences(JsonNode payload) {
        JsonNode aud = payload.path("aud");
        Set<String> audiences = new HashSet<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        return audiences;
    }

    private static String kid(String token) {
        return part(token, 0).path("kid").asText();
    }

    private static JsonNode part(String token, int index) {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "a compact JWS has three parts");
        try {
            return KeycloakHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key ids of the realm's JWKS, fetched now. */
    private static Set<String> kids(Realm realm) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realm.jwksUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            Set<String> kids = new HashSet<>();
            KeycloakHttp.JSON.readTree(response.body()).path("keys").forEach(key -> kids.add(key.path("kid").asText()));
            return kids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
