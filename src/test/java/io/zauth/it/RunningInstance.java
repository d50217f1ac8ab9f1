package io.zauth.it;

import io.zauth.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more packaged zauth process on free API and management ports, as a deployment runs several
 * behind a balancer, started by the launcher with no command (which also bounds its heap).
 */
final class RunningInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private RunningInstance(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    static RunningInstance start(String name, Map<String, String> environment) {
        return start(name, environment, List.of());
    }

    /** With further system properties, e.g. {@code -Dquarkus.http.host=127.0.0.1}. */
    static RunningInstance start(String name, Map<String, String> environment, List<String> properties) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> options = new ArrayList<>();
        options.add("-Dquarkus.http.port=" + port);
        options.add("-Dquarkus.management.port=" + managementPort);
        options.addAll(properties);
        Map<String, String> withOptions = new HashMap<>(environment);
        withOptions.put("JAVA_OPTS", String.join(" ", options));
        ProcessBuilder builder = Launcher.process(Launcher.PATH, List.of(), withOptions).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "instance-" + name + ".log").toFile());
        try {
            RunningInstance instance = new RunningInstance(builder.start(), port, managementPort);
            instance.awaitReady();
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the launcher", e);
        }
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/server_settings")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance exited with " + process.exitValue() + "; see its log in target/");
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the instance did not answer within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
