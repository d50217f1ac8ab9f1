package io.zauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/startup-cache as an operator runs it, on the JDK that will serve: the training logs a
 * user in on the packaged application, and the JVM then takes the cache it wrote even when told to
 * refuse to start without it (-Xshare:on for the AppCDS archive of JDK 17 to 24, -XX:AOTMode=on for
 * the AOT cache of JDK 25 and later). It trains a copy, since a cache belongs to its directory.
 */
class StartupCacheIT {

    @TempDir
    Path temp;

    @Test
    void theJvmStartsWithTheCacheTheTrainingWrote() throws Exception {
        Path app = temp.resolve("quarkus-app");
        copy(Path.of("target", "quarkus-app"), app);
        String java = ProcessHandle.current().info().command().orElse("java");

        ProcessBuilder training = new ProcessBuilder("scripts/startup-cache", app.toString());
        training.environment().put("JAVA", java);
        training.environment().put("STARTUP_CACHE_PORT", String.valueOf(freePort()));
        Run trained = run(training, 300);
        assertEquals(0, trained.exitCode(), trained.output());

        boolean leyden = Runtime.version().feature() >= 25;
        Path cache = app.resolve(leyden ? "app.aot" : "app-cds.jsa");
        assertTrue(Files.size(cache) > 0, cache + " is empty");
        assertTrue(trained.output().contains("startup-cache: " + cache), trained.output());

        List<String> strict = leyden
                ? List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + cache, "-Xshare:on");
        ProcessBuilder withCache = new ProcessBuilder(java);
        withCache.command().addAll(strict);
        withCache.command().addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString(), "--help"));
        Run help = run(withCache, 120);
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("Usage: zauth"), help.output());
    }

    private record Run(int exitCode, String output) {}

    private static Run run(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().matches("app\\.aot|app-cds\\.jsa")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
