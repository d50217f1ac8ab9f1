package io.zauth.ratelimit;

import io.zauth.support.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of its own on a free loopback port, nothing saved to disk, for the suites that
 * prove limits shared through Redis. CI sets {@code ZAUTH_REQUIRE_REDIS=true} so that a missing
 * redis-server fails the run instead of skipping those suites.
 */
public final class ThrowawayRedis implements AutoCloseable {

    public static final String REQUIRE_VARIABLE = "ZAUTH_REQUIRE_REDIS";
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server"));

    private final Process process;
    private final int port;

    private ThrowawayRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return binary() != null;
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
    }

    public static ThrowawayRedis start() {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("redis-server is not installed (apt-get install redis-server)");
        }
        int port = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory("zauth-redis");
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            ThrowawayRedis redis = new ThrowawayRedis(process, port);
            redis.awaitPong();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
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

    private void awaitPong() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = new byte[7];
                int read = in.readNBytes(reply, 0, 7);
                if (new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING within 20 s");
    }

    private static Path binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }
}
