package io.zauth.jwt.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak installation the tests start: the distribution zip that Maven resolved
 * (maven-dependency-plugin copies it into target/, see the pom), unzipped and built once into a
 * cache outside target/ ({@code ~/.cache/zauth/keycloak/}, or {@code -Dtest.keycloak.cache}), so
 * that neither {@code mvn clean} nor a clean clone on the same machine redoes the 20-30 s build.
 *
 * <p>Maven, not a download of our own, fetches the zip: it keeps it in the local repository and goes
 * through the build's repository settings. Maven only warns on a checksum mismatch by default, so
 * the zip is also checked against the SHA-1 pinned in the pom before it is unzipped.
 */
final class KeycloakDistribution {

    static final String ZIP_PROPERTY = "test.keycloak.distribution";
    static final String SHA1_PROPERTY = "test.keycloak.distribution.sha1";
    static final String CACHE_PROPERTY = "test.keycloak.cache";

    /**
     * Build-time options for a throwaway test server: the in-memory database (each start is empty
     * and nothing is written to the shared installation) and a local cache (no cluster discovery).
     * Changing them rebuilds the cached installation, because the marker records them.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--cache=local");

    private static final String MARKER = ".zauth-built";
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    private KeycloakDistribution() {
    }

    /** The home directory of a built Keycloak, unzipped and built on first use (per zip and options). */
    static synchronized Path home(Path javaHome) {
        Path zip = zip();
        String sha1 = System.getProperty(SHA1_PROPERTY, "").strip().toLowerCase();
        if (sha1.isEmpty()) {
            throw new IllegalStateException("-D" + SHA1_PROPERTY + " is not set; run the tests through Maven (see the pom)");
        }
        Path cache = cacheRoot();
        Path installation = cache.resolve(sha1);
        try {
            Files.createDirectories(cache);
            // Several test JVMs (worktrees, CI passes) share the cache: one unzips and builds, the others wait.
            try (FileChannel lockFile = FileChannel.open(cache.resolve(sha1 + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                Path marker = installation.resolve(MARKER);
                String built = String.join(" ", BUILD_OPTIONS) + "\n";
                if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(built)) {
                    long started = System.nanoTime();
                    checkSha1(zip, sha1);
                    deleteTree(installation);
                    unzip(zip, installation);
                    build(kcSh(installation), javaHome);
                    // Written last: an interrupted unzip or build is redone next time.
                    Files.writeString(marker, built);
                    System.out.println("Keycloak unzipped and built in " + installation + " in "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms (once per machine)");
                }
                return kcSh(installation).getParent().getParent();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak in " + installation, e);
        }
    }

    private static Path zip() {
        String zip = System.getProperty(ZIP_PROPERTY, "");
        if (zip.isBlank()) {
            throw new IllegalStateException("-D" + ZIP_PROPERTY + " is not set; run the tests through Maven"
                    + " (./mvnw verify), whose maven-dependency-plugin resolves the Keycloak distribution");
        }
        Path path = Path.of(zip);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the Keycloak distribution " + path + " is missing; Maven copies it"
                    + " there in the pre-integration-test phase (./mvnw verify)");
        }
        return path;
    }

    private static Path cacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY, "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv().getOrDefault("XDG_CACHE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("zauth").resolve("keycloak");
    }

    private static void checkSha1(Path zip, String expected) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(zip)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new IllegalStateException("SHA-1 of " + zip + " is " + actual + ", the pom pins " + expected
                    + "; delete it from the local Maven repository and build again");
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                    // java.util.zip does not keep Unix modes; the launchers must be executable.
                    if (path.getParent().getFileName().toString().equals("bin") && path.toString().endsWith(".sh")) {
                        path.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** kc.sh of the one top-level directory the distribution unzips to. */
    private static Path kcSh(Path installation) throws IOException {
        try (Stream<Path> children = Files.list(installation)) {
            return children.map(child -> child.resolve("bin/kc.sh")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException("no */bin/kc.sh in " + installation));
        }
    }

    private static void build(Path kcSh, Path javaHome) throws IOException {
        Path log = kcSh.getParent().getParent().resolve("build.log");
        List<String> command = new ArrayList<>(List.of(kcSh.toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Keycloak is a Quarkus application too: zauth's own QUARKUS_* settings (CI's PostgreSQL URL) must not reach it.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                KeycloakProcesses.stop(process);
                throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT_MINUTES
                        + " min; " + KeycloakProcesses.logTail(log));
            }
        } catch (InterruptedException e) {
            KeycloakProcesses.stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during kc.sh build", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with " + process.exitValue() + "; " + KeycloakProcesses.logTail(log));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

}
