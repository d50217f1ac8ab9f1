package io.zauth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies sent chunked (no Content-Length): over 64 KiB they get the same 413 JSON as a declared
 * oversized body; within it they are read as usual. Spoken over a raw socket, since HTTP clients
 * choose the framing themselves.
 */
@QuarkusTest
class ChunkedBodyTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    Fixtures fixtures;

    Organization org;
    UserAccount user;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        user = fixtures.user(org);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Json() throws Exception {
        Reply reply = postChunked("application/x-www-form-urlencoded", ("username=" + "a".repeat(70_000) + "&password=x")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(413, reply.status, reply.raw);
        JsonNode body = reply.json();
        assertEquals("error", body.path("result").asText());
        assertEquals("Request body too large", body.path("msg").asText());
        assertEquals("BAD_REQUEST", body.path("code").asText());
    }

    @Test
    void aChunkedFormWithinTheLimitIsReadAsUsual() throws Exception {
        Reply reply = postChunked("application/x-www-form-urlencoded", ("username=" + encode(user.email())
                + "&password=" + encode(Fixtures.PASSWORD)).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status, reply.raw);
        assertEquals(user.apiKey(), reply.json().path("api_key").asText());
    }

    @Test
    void aChunkedMultipartBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String boundary = "zauth-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n" + user.email()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + Fixtures.PASSWORD
                + "\r\n--" + boundary + "--\r\n";
        Reply reply = postChunked("multipart/form-data; boundary=" + boundary, multipart.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status, reply.raw);
        assertEquals(user.apiKey(), reply.json().path("api_key").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Reply(int status, String raw) {
        JsonNode json() throws IOException {
            int start = raw.indexOf("\r\n\r\n");
            assertTrue(start > 0, raw);
            return new ObjectMapper().readTree(raw.substring(start + 4));
        }
    }

    /** Sends the body in 8 KiB chunks from another thread and reads the reply until the server closes or it is complete. */
    private Reply postChunked(String contentType, byte[] body) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            Thread writer = new Thread(() -> writeChunked(socket, contentType, body), "chunked-writer");
            writer.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read;
            while (!complete(received.toString(StandardCharsets.UTF_8)) && (read = in.read(buffer)) > 0) {
                received.write(buffer, 0, read);
            }
            writer.join(10_000);
            String raw = received.toString(StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(raw.substring(9, 12)), raw);
        }
    }

    private static boolean complete(String raw) {
        int headersEnd = raw.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = raw.substring(0, headersEnd).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(headers.substring(at + 15).split("\r\n")[0].trim());
        return raw.getBytes(StandardCharsets.UTF_8).length >= headersEnd + 4 + length;
    }

    private void writeChunked(Socket socket, String contentType, byte[] body) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + FetchApiKeyTest.PATH + " HTTP/1.1\r\nHost: " + Fixtures.host(org) + "\r\nContent-Type: "
                    + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < body.length; from += 8192) {
                int length = Math.min(8192, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByServer) {
            // Expected after a 413: the server stops reading and closes the connection.
        }
    }
}
