package io.zauth.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are for the operator, on the management port: on the API port the directory
 * counters would tell anyone whether a username exists (read them before and after one login),
 * and each readiness request would cost a directory connection. Clients still read the OpenAPI
 * document on the API port.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "health/live", management = true)
    URL liveness;

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live",
                "/q/health/started"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentStaysOnTheApiPort() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/fetch_api_key'.post.operationId", equalTo("fetch-api-key"));
    }
}
