package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document at /q/openapi describes each endpoint once, with every status it answers. */
@QuarkusTest
class OpenApiDocumentTest {

    private JsonPath document;

    @BeforeEach
    void fetch() {
        document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void listsEachEndpointWithItsMethodAndNothingElse() {
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        assertEquals(Set.of("/api/v1/fetch_api_key", "/api/v1/dev_fetch_api_key", "/api/v1/server_settings",
                "/api/v1/users/me", "/api/v1/users/me/api_key/regenerate", "/api/v1/{method}/fetch_api_key",
                "/api/v1/dev_list_users", "/zauth/forward-auth{original}"), paths.keySet());
        assertEquals(Set.of("post"), operations("/api/v1/fetch_api_key"));
        assertEquals(Set.of("post"), operations("/api/v1/dev_fetch_api_key"));
        assertEquals(Set.of("get"), operations("/api/v1/server_settings"));
        assertEquals(Set.of("get"), operations("/api/v1/users/me"));
        assertEquals(Set.of("post"), operations("/api/v1/users/me/api_key/regenerate"));
        assertEquals(Set.of("post"), operations("/api/v1/{method}/fetch_api_key"));
        assertEquals(Set.of("get"), operations("/api/v1/dev_list_users"));
        // Every method is the same check; the document shows it once.
        assertEquals(Set.of("get"), operations("/zauth/forward-auth{original}"));
    }

    @Test
    void listsEveryStatusEachEndpointAnswers() {
        assertEquals(statuses(200, 400, 401, 404, 405, 413, 429, 503), responses("/api/v1/fetch_api_key", "post"));
        assertEquals(statuses(200, 400, 401, 404, 405, 413, 503), responses("/api/v1/dev_fetch_api_key", "post"));
        assertEquals(statuses(200, 400, 405, 503), responses("/api/v1/server_settings", "get"));
        assertEquals(statuses(200, 400, 401, 405, 429, 503), responses("/api/v1/users/me", "get"));
        assertEquals(statuses(200, 400, 401, 405, 413, 429, 503), responses("/api/v1/users/me/api_key/regenerate", "post"));
        assertEquals(statuses(200, 400, 401, 429, 503), responses("/zauth/forward-auth{original}", "get"));
        assertEquals(statuses(200, 400, 401, 404, 405, 413, 429, 503), responses("/api/v1/{method}/fetch_api_key", "post"));
        assertEquals(statuses(200, 404, 405), responses("/api/v1/dev_list_users", "get"));
    }

    @Test
    void theLoginFormsAreDescribedForBothEncodingsWithTheirFields() {
        for (String mediaType : List.of("application/x-www-form-urlencoded", "multipart/form-data")) {
            String schema = document.getString("paths.'/api/v1/fetch_api_key'.post.requestBody.content.'" + mediaType + "'.schema.$ref");
            assertEquals("#/components/schemas/FetchApiKeyForm", schema);
        }
        assertEquals(List.of("username", "password"), document.getList("components.schemas.FetchApiKeyForm.required"));
        assertEquals(List.of("username"), document.getList("components.schemas.DevFetchApiKeyForm.required"));
    }

    @Test
    void usersMeRequiresHttpBasicAndTheLoginEndpointsDoNot() {
        assertEquals("http", document.getString("components.securitySchemes.basicAuth.type"));
        assertEquals("basic", document.getString("components.securitySchemes.basicAuth.scheme"));
        assertEquals(List.of(Map.of("basicAuth", List.of())), document.getList("paths.'/api/v1/users/me'.get.security"));
        assertEquals(List.of(Map.of("basicAuth", List.of())),
                document.getList("paths.'/api/v1/users/me/api_key/regenerate'.post.security"));
        assertNull(document.get("paths.'/api/v1/fetch_api_key'.post.security"));
        assertNull(document.get("security"));
    }

    @Test
    void examplesAreZulipsBodies() {
        Map<String, Object> example = document.getMap(
                "paths.'/api/v1/fetch_api_key'.post.responses.'200'.content.'application/json'.examples.success.value");
        assertEquals(JsonPath.from(ApiExamples.API_KEY).getMap("$"), example);
        Map<String, Object> error = document.getMap("paths.'/api/v1/fetch_api_key'.post.responses.'401'"
                + ".content.'application/json'.examples.AUTHENTICATION_FAILED.value");
        assertEquals(JsonPath.from(ApiExamples.AUTHENTICATION_FAILED).getMap("$"), error);
    }

    @Test
    void theDocumentIsNamedAfterTheService() {
        assertEquals("zauth", document.getString("info.title"));
        assertEquals("0.1.0", document.getString("info.version"));
    }

    @Test
    void theYamlFormAndSwaggerUiAreServedOutsideTheApisJson404() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/fetch_api_key:"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/api/v1/no_such_endpoint").then().statusCode(404).body("code", equalTo("BAD_REQUEST"));
        given().queryParam("format", "json").get("/q/openapi").then().body("$", hasKey("openapi"));
    }

    private Set<String> operations(String path) {
        Map<String, Object> item = document.getMap("paths.'" + path + "'");
        return new TreeSet<>(item.keySet());
    }

    private Set<String> responses(String path, String method) {
        Map<String, Object> responses = document.getMap("paths.'" + path + "'." + method + ".responses");
        return new TreeSet<>(responses.keySet());
    }

    private static Set<String> statuses(int... codes) {
        Set<String> set = new TreeSet<>();
        for (int code : codes) {
            set.add(Integer.toString(code));
        }
        return set;
    }
}
