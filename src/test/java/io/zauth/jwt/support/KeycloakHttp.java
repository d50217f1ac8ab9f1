package io.zauth.jwt.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to one Keycloak: form posts to a realm's token endpoint, and the admin REST API
 * as the bootstrap administrator of the master realm (a throwaway account of a fresh in-memory
 * database on loopback). Failures carry the method, path, status and Keycloak's answer.
 */
final class KeycloakHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    // Generous: the tests share two cores with builds, and Keycloak hashes passwords with Argon2.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;

    KeycloakHttp(String baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** POSTs a form to a URL and returns the status and the JSON answer (an empty object if none). */
    Answer postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    JsonNode getJson(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
        return expectOk("GET", url, send(request)).json();
    }

    /** An access token of the bootstrap administrator (it lives 60 s: fetched per operation). */
    String adminToken() {
        Answer answer = postForm(baseUrl + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", adminUser,
                        "password", adminPassword));
        return expectOk("POST", "/realms/master/protocol/openid-connect/token", answer).json()
                .path("access_token").asText();
    }

    JsonNode adminGet(String path) {
        return admin("GET", path, null).json();
    }

    /** An admin POST; returns the Location header's last segment (the created object's id), if any. */
    String adminPost(String path, Object body) {
        Answer answer = admin("POST", path, body);
        String location = answer.location();
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    void adminPut(String path, Object body) {
        admin("PUT", path, body);
    }

    void adminDelete(String path) {
        admin("DELETE", path, null);
    }

    private Answer admin(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin" + path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + adminToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(writeJson(body)));
        }
        return expectOk(method, "/admin" + path, send(request.build()));
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private static Answer expectOk(String method, String path, Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("Keycloak answered " + method + " " + path + " with " + answer.status()
                    + ": " + answer.body());
        }
        return answer;
    }

    private static String writeJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Answer(int status, String body, String location) {

        JsonNode json() {
            if (body == null || body.isBlank()) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
