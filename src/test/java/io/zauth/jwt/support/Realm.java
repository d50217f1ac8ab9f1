package io.zauth.jwt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realm of a {@link KeycloakServer}: its users, the access tokens it signs for them by the
 * password grant, and its RS256 signing keys.
 *
 * <p>Its one client, {@link #clientId()}, is public (no secret to keep: the tests only need the
 * password grant) and has only the direct-access grant enabled. An audience mapper puts
 * {@link #audience()} in {@code aud}, and with full scope off no other client's roles, so
 * {@code aud} is that one audience (Keycloak would otherwise add {@code account}); the realm's
 * default {@code email} scope puts {@code email} and {@code email_verified} in access tokens.
 */
public final class Realm {

    static final String DEFAULT_AUDIENCE = "zauth";
    static final String CLIENT_ID = "zauth-test";
    private static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";
    private static final String SIGNING_ALGORITHM = "RS256";

    private final KeycloakHttp http;
    private final String name;
    private final String id;
    private final String audience;
    private final String issuer;
    private final String jwksUrl;
    private final String tokenUrl;

    private Realm(KeycloakHttp http, String name, String id, String audience, JsonNode discovery) {
        this.http = http;
        this.name = name;
        this.id = id;
        this.audience = audience;
        this.issuer = discovery.path("issuer").asText();
        this.jwksUrl = discovery.path("jwks_uri").asText();
        this.tokenUrl = discovery.path("token_endpoint").asText();
    }

    static Realm create(KeycloakHttp http, String name, String audience) {
        Map<String, Object> audienceMapper = Map.of(
                "name", "audience " + audience,
                "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true",
                        "id.token.claim", "false", "introspection.token.claim", "true"));
        Map<String, Object> client = Map.of(
                "clientId", CLIENT_ID,
                "enabled", true,
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "implicitFlowEnabled", false,
                "serviceAccountsEnabled", false,
                "fullScopeAllowed", false,
                "protocolMappers", List.of(audienceMapper));
        http.adminPost("/realms", Map.of("realm", name, "enabled", true, "clients", List.of(client)));
        String id = http.adminGet("/realms/" + name).path("id").asText();
        JsonNode discovery = http.getJson(http.baseUrl() + "/realms/" + name + "/.well-known/openid-configuration");
        return new Realm(http, name, id, audience, discovery);
    }

    /**
     * A user, enabled, email verified, no required actions, with that password; returns the user's
     * id (the {@code sub} of its tokens). Keycloak refuses usernames shorter than 3 characters.
     */
    public String createUser(String username, String email, String password) {
        Map<String, Object> user = Map.of(
                "username", username,
                "email", email,
                "emailVerified", true,
                "enabled", true,
                // Keycloak's default user profile requires both names; without them the login stops at "update profile".
                "firstName", username,
                "lastName", "Tester",
                "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        return http.adminPost("/realms/" + name + "/users", user);
    }

    /** The signed access token (compact JWS) Keycloak issues to the user by the password grant. */
    public String token(String username, String password) {
        KeycloakHttp.Answer answer = http.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "username", username, "password", password, "scope", "openid"));
        if (answer.status() != 200) {
            JsonNode error = answer.json();
            throw new IllegalStateException("realm " + name + " refused the password grant for " + username + ": "
                    + answer.status() + " " + error.path("error").asText() + " " + error.path("error_description").asText());
        }
        return answer.json().path("access_token").asText();
    }

    /** The key id ({@code kid}) of the RS256 key that signs new tokens. */
    public String signingKeyId() {
        return http.adminGet("/realms/" + name + "/keys").path("active").path(SIGNING_ALGORITHM).asText();
    }

    /**
     * Rotates the signing key: a new RS256 key (provider {@code rsa-generated}) with a higher
     * priority signs new tokens from now on, and the keys that signed before become passive: still
     * in the JWKS (tokens they signed still verify), no longer signing. Returns the new key's id.
     */
    public String rotateSigningKey() {
        List<JsonNode> previous = signingKeys();
        int priority = previous.stream().mapToInt(key -> key.path("providerPriority").asInt()).max().orElse(0) + 100;
        Map<String, Object> provider = Map.of(
                "name", "rsa-rotated-" + priority,
                "providerId", "rsa-generated",
                "providerType", KEY_PROVIDER_TYPE,
                "parentId", id,
                "config", Map.of("priority", List.of(Integer.toString(priority)), "enabled", List.of("true"),
                        "active", List.of("true"), "algorithm", List.of(SIGNING_ALGORITHM), "keySize", List.of("2048")));
        http.adminPost("/realms/" + name + "/components", provider);
        for (JsonNode key : previous) {
            if ("ACTIVE".equals(key.path("status").asText())) {
                setActive(key.path("providerId").asText(), false);
            }
        }
        String current = signingKeyId();
        if (previous.stream().anyMatch(key -> key.path("kid").asText().equals(current))) {
            throw new IllegalStateException("realm " + name + " still signs with " + current + " after the rotation");
        }
        return current;
    }

    /** Deletes the key provider of that RS256 key: the key leaves the JWKS, tokens it signed no longer verify. */
    public void removeSigningKey(String kid) {
        JsonNode key = signingKeys().stream().filter(k -> k.path("kid").asText().equals(kid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("realm " + name + " has no RS256 key " + kid));
        http.adminDelete("/realms/" + name + "/components/" + key.path("providerId").asText());
    }

    /** The realm's name, as in its URLs. */
    public String name() {
        return name;
    }

    /** {@code iss} of this realm's tokens, as its discovery document states it: {@code http://127.0.0.1:PORT/realms/NAME}. */
    public String issuer() {
        return issuer;
    }

    /** The realm's JWKS: {@code …/realms/NAME/protocol/openid-connect/certs}. */
    public String jwksUrl() {
        return jwksUrl;
    }

    /** The password-grant token endpoint: {@code …/realms/NAME/protocol/openid-connect/token}. */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** The public client the tokens are issued to ({@code azp}). */
    public String clientId() {
        return CLIENT_ID;
    }

    /** The audience ({@code aud}) of this realm's access tokens. */
    public String audience() {
        return audience;
    }

    /** Each RS256 signing key's id and status ({@code ACTIVE}, {@code PASSIVE}, {@code DISABLED}). */
    Map<String, String> signingKeyStatuses() {
        Map<String, String> statuses = new HashMap<>();
        signingKeys().forEach(key -> statuses.put(key.path("kid").asText(), key.path("status").asText()));
        return statuses;
    }

    /** The realm's RS256 signing keys (active and passive), as the admin API's key metadata. */
    private List<JsonNode> signingKeys() {
        List<JsonNode> keys = new ArrayList<>();
        for (JsonNode key : http.adminGet("/realms/" + name + "/keys").path("keys")) {
            if (SIGNING_ALGORITHM.equals(key.path("algorithm").asText()) && "SIG".equals(key.path("use").asText())) {
                keys.add(key);
            }
        }
        return keys;
    }

    private void setActive(String providerId, boolean active) {
        String path = "/realms/" + name + "/components/" + providerId;
        ObjectNode component = (ObjectNode) http.adminGet(path);
        ((ObjectNode) component.path("config")).putArray("active").add(Boolean.toString(active));
        http.adminPut(path, component);
    }
}
