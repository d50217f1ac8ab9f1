package io.zauth.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests (any method, content type, body bytes, parameters, Host and
 * Authorization) against the packaged service never get a 5xx, and every answer but those to HEAD
 * and OPTIONS is a Zulip JSON body with {@code result} and {@code msg}.
 *
 * <p>jqwik is its own JUnit Platform engine: it does not run Jupiter extensions, so a property
 * cannot live in a {@code @QuarkusTest}. It drives the packaged jar instead, started here as a
 * process on a free port (failsafe runs it after {@code package}), with an organization and user
 * created by the command line as an operator would.
 *
 * <p>Query strings stay short: a request line over {@code quarkus.http.limits.max-initial-line-length}
 * (4 KiB) is refused by Vert.x's HTTP/1.x codec with an empty {@code 414} before any route or
 * handler of zauth runs, and Quarkus offers no hook there (nginx in front of Zulip does the same
 * with an HTML page). Huge values are sent in bodies instead.
 */
class HostileRequestsIT {

    static final String PASSWORD = "a long enough password";
    static final ObjectMapper JSON = new ObjectMapper();

    static Process server;
    static int port;
    static String org;
    static String email;
    static String apiKey;

    @BeforeContainer
    static void startTheService() throws Exception {
        org = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        email = "ada-" + org + "@example.com";
        port = freePort();
        server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Dquarkus.http.port=" + port,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "hostile-requests-server.log").toFile()).start();
        awaitListening();
        AdminCommand.ok(null, "org", "create", org, "--name", "Property", "--methods", "email");
        AdminCommand.ok(PASSWORD + "\n", "user", "create", "--org", org, "--email", email, "--full-name", "Ada",
                "--password-stdin");
        RawHttp.Response login = RawHttp.send(port, new RawHttp.Request("POST", "/api/v1/fetch_api_key",
                List.of(Map.entry("Host", host()), Map.entry("Content-Type", "application/x-www-form-urlencoded")),
                ("username=" + email + "&password=" + PASSWORD.replace(' ', '+')).getBytes(StandardCharsets.UTF_8)));
        apiKey = JSON.readTree(login.body()).path("api_key").asText();
        assertTrue(apiKey.length() == 32, "login failed: " + login.bodyText());
    }

    @AfterContainer
    static void stopTheService() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Property(tries = 250)
    void fetchApiKeyNeverFailsWithA5xx(@ForAll("hostileRequests") Generated request) throws IOException {
        check(request.to("/api/v1/fetch_api_key"));
    }

    @Property(tries = 250)
    void usersMeNeverFailsWithA5xx(@ForAll("hostileRequests") Generated request) throws IOException {
        check(request.to("/api/v1/users/me"));
    }

    @Property(tries = 250)
    void serverSettingsNeverFailsWithA5xx(@ForAll("hostileRequests") Generated request) throws IOException {
        check(request.to("/api/v1/server_settings"));
    }

    private static void check(RawHttp.Request request) throws IOException {
        RawHttp.Response response = RawHttp.send(port, request);
        assertTrue(response.status() >= 200 && response.status() < 500, "status " + response.status() + ": " + response.bodyText());
        if (request.method().equals("HEAD") || request.method().equals("OPTIONS")) {
            // HEAD has no body; OPTIONS is answered by the REST layer with an empty 200, as Zulip's
            // rest_dispatch answers it with an empty 204: neither is an error to report.
            return;
        }
        String type = response.headers().getOrDefault("content-type", "");
        assertTrue(type.startsWith("application/json"), "content type '" + type + "' for " + response.status() + ": " + response.bodyText());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body != null && body.isObject() && body.path("result").isTextual() && body.path("msg").isTextual(),
                "not a Zulip body: " + response.bodyText());
    }

    /** A request without its path: the same generated request is sent to each endpoint. */
    record Generated(String method, String query, List<Map.Entry<String, String>> headers, byte[] body) {
        RawHttp.Request to(String path) {
            return new RawHttp.Request(method, path + query, headers, body);
        }
    }

    @Provide
    Arbitrary<Generated> hostileRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND");
        // A request line over 4 KiB gets the HTTP codec's own 414 before any route runs (see the class comment).
        Arbitrary<List<String[]>> queries = parameter(200).list().ofMaxSize(6);
        Arbitrary<List<String[]>> bodies = parameter(12_000).list().ofMaxSize(6);
        return Combinators.combine(method, queries, bodies, contentType(), hostHeader(), authorization(), bodyKind())
                .as((m, queryParameters, bodyParameters, type, host, authorization, kind) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    host.ifPresent(h -> headers.add(Map.entry("Host", h)));
                    authorization.ifPresent(a -> headers.add(Map.entry("Authorization", a)));
                    type.ifPresent(t -> headers.add(Map.entry("Content-Type", t)));
                    return new Generated(m, query(queryParameters), headers, kind.body(bodyParameters, type.orElse("")));
                });
    }

    /** Names the endpoints read, and others; values that are valid, empty, hostile or huge, repeated at will. */
    private Arbitrary<String[]> parameter(int maxLength) {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("username", "password", "client", "username", "password"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(email, PASSWORD, "", "iago@zulip.com", "not an email", "a@b"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('\u0000', '\u0001', '\u001b', '\u007f', '\r', '\n', 'a', '@').ofMaxLength(20),
                Arbitraries.strings().withChars('x').ofMinLength(Math.min(1000, maxLength)).ofMaxLength(maxLength),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(30).map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)));
        return Combinators.combine(name, value).as((n, v) -> new String[] {n, v});
    }

    private static String query(List<String[]> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (String[] parameter : parameters) {
            query.append(percentEncode(parameter[0])).append('=').append(percentEncode(parameter[1])).append('&');
        }
        return query.substring(0, query.length() - 1);
    }

    /** Every byte of the ISO-8859-1 form, so a value may be any byte sequence, valid UTF-8 or not. */
    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '@' || c == '.' || c == '-') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private Arbitrary<java.util.Optional<String>> contentType() {
        return Arbitraries.oneOf(
                Arbitraries.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
                        "application/x-www-form-urlencoded; charset=ISO-8859-1", "multipart/form-data; boundary=zauthB",
                        "multipart/form-data", "multipart/form-data; boundary=", "application/json", "text/plain",
                        "application/octet-stream", "*/*", "garbage", ";;;=", "application/x-www-form-urlencoded; charset=nonsense"),
                headerValue()).optional(0.9);
    }

    private Arbitrary<java.util.Optional<String>> hostHeader() {
        return Arbitraries.oneOf(
                Arbitraries.of(host(), host() + ":" + port, "localhost", "zauth.test", "", "evil.example", host() + ".evil.example",
                        "[::1]", "127.0.0.1:" + port, "." + host(), host() + ":notaport"),
                headerValue()).optional(0.95);
    }

    private Arbitrary<java.util.Optional<String>> authorization() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
        return Arbitraries.oneOf(
                Arbitraries.of("Basic " + base64(email + ":" + apiKey), "Basic " + base64(email + ":wrong"), "Basic ", "Basic",
                        "Basic !!!notbase64", "Bearer " + apiKey),
                bytes.map(b -> "Basic " + Base64.getEncoder().encodeToString(b)),
                Arbitraries.strings().all().ofMaxLength(40).map(s -> "Basic " + base64(s)),
                headerValue()).optional(0.7);
    }

    /** Printable ASCII and obs-text: what HTTP allows in a field value (CR, LF and NUL would end the request). */
    private static Arbitrary<String> headerValue() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u00ff').ofMaxLength(60);
    }

    enum BodyKind {
        NONE, FORM, MULTIPART, RANDOM_BYTES, JSON, HUGE;

        byte[] body(List<String[]> parameters, String type) {
            return switch (this) {
                case NONE -> new byte[0];
                case FORM -> query(parameters).replaceFirst("^\\?", "").getBytes(StandardCharsets.ISO_8859_1);
                case MULTIPART -> multipart(parameters, type.contains("boundary=") ? type.substring(type.indexOf("boundary=") + 9) : "zauthB");
                case RANDOM_BYTES -> randomBytes(parameters);
                case JSON -> "{\"username\":\"ada@example.com\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                case HUGE -> ("username=" + "a".repeat(70_000)).getBytes(StandardCharsets.ISO_8859_1);
            };
        }

        private static byte[] multipart(List<String[]> parameters, String boundary) {
            StringBuilder body = new StringBuilder();
            for (String[] parameter : parameters) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(parameter[0])
                        .append("\"\r\n\r\n").append(parameter[1]).append("\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            return body.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] randomBytes(List<String[]> parameters) {
            StringBuilder seed = new StringBuilder();
            parameters.forEach(p -> seed.append(p[0]).append(p[1]));
            return seed.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private Arbitrary<BodyKind> bodyKind() {
        return Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, BodyKind.NONE), net.jqwik.api.Tuple.of(5, BodyKind.FORM),
                net.jqwik.api.Tuple.of(3, BodyKind.MULTIPART), net.jqwik.api.Tuple.of(3, BodyKind.RANDOM_BYTES),
                net.jqwik.api.Tuple.of(1, BodyKind.JSON), net.jqwik.api.Tuple.of(1, BodyKind.HUGE));
    }

    private static String host() {
        return org + ".localhost";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the service exited; see target/hostile-requests-server.log");
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the service did not listen within 60 s");
    }
}
