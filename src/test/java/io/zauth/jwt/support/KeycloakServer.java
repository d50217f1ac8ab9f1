package io.zauth.jwt.support;

import io.zauth.support.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Keycloak (the distribution Maven resolves, see {@link KeycloakDistribution}) running as a
 * process on a free loopback port, as the token issuer of the JWT tests. Each start begins on an
 * empty in-memory database with a throwaway administrator; {@link #createRealm} adds the realms.
 *
 * <p>It runs {@code kc.sh start --optimized} on the installation built once with the test options,
 * not {@code start-dev}: start-dev re-augments (~30 s) on every start (on the 2-core machine under
 * the same load, 67 s to the first admin login against 28 s optimized), and it would rewrite the
 * build of the installation that other test JVMs share.
 *
 * <p>A start costs half a minute or more, so the test classes of one JVM share {@link #shared()}.
 * Call {@link KeycloakJava#assumeAvailable()} first to skip (or, on CI, fail) without Java 21+.
 */
public final class KeycloakServer implements AutoCloseable {

    static final String START_TIMEOUT_PROPERTY = "test.keycloak.start-timeout-seconds";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(300);
    private static final String ADMIN_USER = "zauth-test-admin";

    private static KeycloakServer shared;

    private final Process launcher;
    private final Path workDir;
    private final KeycloakHttp http;
    private final Duration startDuration;

    private KeycloakServer(Process launcher, Path workDir, KeycloakHttp http, Duration startDuration) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.http = http;
        this.startDuration = startDuration;
    }

    /** The server shared by this JVM's tests: started on first use, stopped when the JVM exits. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            KeycloakServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-keycloak"));
            shared = server;
        }
        return shared;
    }

    /**
     * A new server of the caller's own, ready once its administrator can log in; the caller closes
     * it. Prefer {@link #shared()}.
     */
    public static KeycloakServer start() {
        Path javaHome = KeycloakJava.require();
        Path home = KeycloakDistribution.home(javaHome);
        int port = FreePorts.next();
        String baseUrl = "http://127.0.0.1:" + port;
        String adminPassword = UUID.randomUUID().toString();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("zauth-keycloak");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = workDir.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // Fixes the issuer (iss) to this URL whatever Host a request names.
                "--hostname=" + baseUrl,
                // Keeps the transaction log out of the installation that other test JVMs share.
                "-Dquarkus.transaction-manager.object-store.directory=" + workDir.resolve("transaction-logs")))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // Keycloak is a Quarkus application too: zauth's own QUARKUS_* settings (CI's PostgreSQL URL) must not reach it.
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_"));
        environment.put("JAVA_HOME", javaHome.toString());
        // In the environment, not the arguments: not visible in ps, not logged.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long started = System.nanoTime();
        Process launcher;
        try {
            launcher = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + home.resolve("bin/kc.sh"), e);
        }
        KeycloakHttp http = new KeycloakHttp(baseUrl, ADMIN_USER, adminPassword);
        try {
            awaitAdminLogin(launcher, http, log);
        } catch (RuntimeException | Error e) {
            KeycloakProcesses.stop(launcher);
            throw e;
        }
        Duration startDuration = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("Keycloak ready at " + baseUrl + " after " + startDuration.toMillis() + " ms (log: " + log + ")");
        return new KeycloakServer(launcher, workDir, http, startDuration);
    }

    /**
     * A new realm named {@code name} with a public client that allows the password grant and whose
     * access tokens carry {@code email} and {@code aud} = {@code "zauth"}.
     */
    public Realm createRealm(String name) {
        return createRealm(name, Realm.DEFAULT_AUDIENCE);
    }

    /** As {@link #createRealm(String)}, with the given audience ({@code aud}) in its access tokens. */
    public Realm createRealm(String name, String audience) {
        return Realm.create(http, name, audience);
    }

    /** {@code http://127.0.0.1:PORT}: the server's base URL. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** Launch until the administrator's first successful login. */
    public Duration startDuration() {
        return startDuration;
    }

    @Override
    public void close() {
        KeycloakProcesses.stop(launcher);
        KeycloakProcesses.deleteRecursively(workDir);
    }

    private static void awaitAdminLogin(Process launcher, KeycloakHttp http, Path log) {
        Duration timeout = Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, DEFAULT_START_TIMEOUT.toSeconds()));
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + launcher.exitValue() + " during start-up; "
                        + KeycloakProcesses.logTail(log));
            }
            try {
                http.adminToken();
                return;
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not accept its administrator's login within " + timeout.toSeconds()
                + " s (-D" + START_TIMEOUT_PROPERTY + "); last attempt: " + (last == null ? "none" : last.getMessage())
                + "; " + KeycloakProcesses.logTail(log));
    }
}
