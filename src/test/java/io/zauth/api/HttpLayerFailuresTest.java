package io.zauth.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Errors the HTTP layer finds before any endpoint runs are Zulip JSON too. */
@QuarkusTest
class HttpLayerFailuresTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void anHttp11RequestWithoutHostIs400Json() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/server_settings HTTP/1.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
            assertTrue(reply.toLowerCase().contains("content-type: application/json"), reply);
            assertTrue(reply.endsWith("{\"result\":\"error\",\"msg\":\"Bad Request\",\"code\":\"BAD_REQUEST\"}"), reply);
        }
    }
}
