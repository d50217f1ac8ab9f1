package io.zauth.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API behind the proxy, reduced to what the tests need to see: it answers every request with
 * its method, path and headers (names in lower case, repeated values joined) and counts them.
 */
final class EchoUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    static EchoUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        EchoUpstream upstream = new EchoUpstream(server);
        server.createContext("/", upstream::echo);
        server.start();
        return upstream;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void echo(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        ObjectNode body = JSON.createObjectNode();
        body.put("method", exchange.getRequestMethod());
        body.put("path", exchange.getRequestURI().getRawPath());
        ObjectNode headers = body.putObject("headers");
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
