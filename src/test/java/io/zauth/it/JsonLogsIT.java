package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The packaged jar with JSON logs switched on: every line is one JSON object, with the request id. */
class JsonLogsIT {

    @Test
    void everyLineIsJsonAndTheRequestsLinesCarryItsId() throws IOException {
        String org = "json-" + UUID.randomUUID().toString().substring(0, 8);
        AdminCommand.ok(null, "org", "create", org, "--methods", "email");
        List<JsonNode> lines = new ArrayList<>();
        try (RunningInstance instance = RunningInstance.start("json", Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"))) {
            given().port(instance.port()).header("Host", org + ".localhost").header("X-Request-Id", "json-check-1")
                    .formParam("username", "nobody@example.com").formParam("password", "wrong")
                    .post("/api/v1/fetch_api_key").then().statusCode(401);
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("target", "instance-json.log"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        assertTrue(lines.size() > 2, "the server logged its start and the attempt");
        JsonNode audit = lines.stream().filter(l -> "zauth.audit".equals(l.path("loggerName").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no audit line among " + lines.size()));
        assertEquals("json-check-1", audit.path("mdc").path("request_id").asText(), audit.toString());
        assertTrue(audit.path("message").asText().contains("outcome=\"failure\""), audit.toString());
    }
}
