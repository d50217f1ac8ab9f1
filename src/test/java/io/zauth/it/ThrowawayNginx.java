package io.zauth.it;

import io.zauth.support.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx on a loopback port, running the nginx configuration of docs/forward-auth.md as
 * written there, with only its addresses replaced: zauth's, the API's and the one it listens on.
 */
final class ThrowawayNginx implements AutoCloseable {

    static final String REQUIRE_VARIABLE = "ZAUTH_REQUIRE_NGINX";
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path GUIDE = Path.of("docs", "forward-auth.md");
    private static final Pattern NGINX_BLOCK = Pattern.compile("```nginx\n(.*?)```", Pattern.DOTALL);

    private final Process process;
    private final int port;
    private final Path dir;

    private ThrowawayNginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
    }

    /** The guide's configuration in front of zauth and the API at these loopback ports. */
    static ThrowawayNginx start(int zauthPort, int apiPort) throws IOException {
        int port = FreePorts.next();
        Path dir = Files.createTempDirectory("zauth-nginx", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        String site = documentedConfiguration()
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + zauthPort + ";")
                .replace("server 127.0.0.1:9090;", "server 127.0.0.1:" + apiPort + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        String main = """
                worker_processes 1;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir, site);
        Files.writeString(dir.resolve("nginx.conf"), main);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        ThrowawayNginx nginx = new ThrowawayNginx(process, port, dir);
        nginx.awaitListening();
        return nginx;
    }

    static String documentedConfiguration() throws IOException {
        Matcher block = NGINX_BLOCK.matcher(Files.readString(GUIDE));
        if (!block.find()) {
            throw new IllegalStateException(GUIDE + " has no nginx configuration");
        }
        return block.group(1);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stdout.log")) + readIfPresent(dir.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen within 20 s");
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
