package io.zauth.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged service listens only where the operator said: with the API on 127.0.0.1, the
 * management interface follows it, commands beside it open no port, and the embedded H2 file's server for the command line (a
 * command has just used it) is on loopback too, not on every interface. On PostgreSQL there is no
 * H2 server. (Narayana, the transaction manager, also holds a loopback socket that accepts
 * nothing: its default way to make its process id unique.)
 */
class ListeningAddressesIT {

    static final boolean EMBEDDED_H2 = System.getProperty("quarkus.datasource.db-kind", "h2").equals("h2");

    @Test
    void everyListenerIsOnTheConfiguredAddressOrLoopback() throws IOException {
        Path dataDir = Path.of("target", "it-data-listeners-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, String> ownFile = Map.of("ZAUTH_DATA_DIR", dataDir.toString());
        try (RunningInstance instance = RunningInstance.start("listeners", ownFile, List.of("-Dquarkus.http.host=127.0.0.1"))) {
            // Commands given the service's own ports still run: they open neither.
            Map<String, String> command = Map.of("ZAUTH_DATA_DIR", dataDir.toString(),
                    "QUARKUS_HTTP_PORT", Integer.toString(instance.port()),
                    "QUARKUS_MANAGEMENT_PORT", Integer.toString(instance.managementPort()));
            String org = "listen-" + UUID.randomUUID().toString().substring(0, 8);
            AdminCommand.okWith(command, null, "org", "create", org, "--methods", "email");
            assertTrue(AdminCommand.okWith(command, null, "org", "list").contains(org), "the command used the served database");

            Set<InetSocketAddress> listeners = ListeningSockets.of(instance.pid());
            Set<Integer> ports = listeners.stream().map(InetSocketAddress::getPort).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(ports.containsAll(List.of(instance.port(), instance.managementPort())), "listeners: " + listeners);
            if (EMBEDDED_H2) {
                InetSocketAddress h2 = advertisedH2Server(dataDir);
                assertTrue(h2.getAddress().isLoopbackAddress(), "the lock file sends commands to " + h2);
                assertTrue(ports.contains(h2.getPort()), "H2's server is not among " + listeners);
            }
            for (InetSocketAddress listener : listeners) {
                assertTrue(listener.getAddress().isLoopbackAddress(), "listens beyond loopback: " + listener + " among " + listeners);
            }

            given().port(instance.managementPort()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().port(instance.port()).get("/q/health/ready").then().statusCode(404);
            given().port(instance.port()).get("/q/metrics").then().statusCode(404);
            given().port(instance.port()).queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        }
    }

    /** H2's lock file names the server a second process connects to, {@code server=<address>:<port>}. */
    private static InetSocketAddress advertisedH2Server(Path dataDir) throws IOException {
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("zauth.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        int colon = server.lastIndexOf(':');
        return new InetSocketAddress(InetAddress.getByName(server.substring(0, colon)), Integer.parseInt(server.substring(colon + 1)));
    }
}
