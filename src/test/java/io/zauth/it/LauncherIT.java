package io.zauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/zauth} of the packaged application: a POSIX shell script that finds the application
 * through symbolic links, runs it on the Java of {@code JAVA_HOME} or PATH with {@code JAVA_OPTS},
 * and becomes the JVM ({@code exec}), so that signals and the exit status are the application's.
 * Every other IT runs its commands and servers through it as well.
 */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherIsPackagedAsAnExecutablePosixShellScript() throws Exception {
        assertTrue(Files.isExecutable(Launcher.PATH), Launcher.PATH + " after ./mvnw package");
        assertEquals("#!/bin/sh", Files.readAllLines(Launcher.PATH).get(0));
        for (String shell : List.of("sh", "dash")) {
            if (onPath(shell)) {
                Process check = new ProcessBuilder(shell, "-n", Launcher.PATH.toString()).redirectErrorStream(true).start();
                assertTrue(check.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, check.exitValue(), shell + " -n: " + new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void helpListsTheCommands() {
        AdminCommand.Result help = AdminCommand.run(null, "--help");
        assertEquals(0, help.exitCode(), help.err());
        for (String command : List.of("org", "user", "ldap", "ratelimit", "secrets", "import")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in " + help.out());
        }
    }

    @Test
    void theExitStatusIsTheCommands() {
        AdminCommand.Result missing = AdminCommand.run(null, "user", "list", "--org", "no-such-" + UUID.randomUUID());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("zauth: no organization"), missing.err());
        assertEquals(2, AdminCommand.run(null, "no-such-command").exitCode(), "picocli's usage error");
    }

    /** As an operator installs it: {@code ln -s /opt/zauth/bin/zauth /usr/local/bin/zauth}, also through a relative link. */
    @Test
    void aSymbolicLinkToTheLauncherAdministersTheSameDatabase() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("usr/local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("zauth"), Launcher.PATH.toAbsolutePath());
        Path relative = Files.createSymbolicLink(dir.resolve("zauth"), dir.relativize(link));
        String org = "link-" + UUID.randomUUID().toString().substring(0, 8);

        AdminCommand.Result created = AdminCommand.runLauncher(link, Map.of(), null, "org", "create", org, "--methods", "email");
        assertEquals(0, created.exitCode(), created.err());
        AdminCommand.Result user = AdminCommand.runLauncher(relative, Map.of(), "a long enough password\n", "user", "create",
                "--org", org, "--email", "ada@example.com", "--full-name", "Ada", "--password-stdin");
        assertEquals(0, user.exitCode(), user.err());
        assertTrue(AdminCommand.ok(null, "user", "list", "--org", org).contains("ada@example.com"));
    }

    @Test
    void withoutJavaHomeTheJavaOnThePathRuns() {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        AdminCommand.Result result = AdminCommand.runWith(Map.of("JAVA_HOME", "", "PATH", javaBin + ":/usr/bin:/bin"),
                null, "--version");
        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.out().isBlank());
    }

    @Test
    void aJavaHomeWithoutJavaIsOneLine() {
        AdminCommand.Result result = AdminCommand.runWith(Map.of("JAVA_HOME", dir.toString()), null, "--help");
        assertEquals(1, result.exitCode());
        assertEquals("zauth: cannot find java; set JAVA_HOME or put java on PATH", result.err().strip());
    }

    /** The server is the launcher's own process, bounded to the heap the README recommends, and stops on SIGTERM. */
    @Test
    void servingRunsTheJvmInPlaceOfTheScriptWithABoundedHeap() {
        RunningInstance instance = RunningInstance.start("launcher", Map.of());
        ProcessHandle process = ProcessHandle.of(instance.pid()).orElseThrow();
        List<String> arguments = List.of(process.info().arguments().orElseThrow());
        try {
            assertTrue(process.info().command().orElseThrow().endsWith("/java"), process.info().command().toString());
            assertTrue(arguments.contains("-Xmx256m"), arguments.toString());
            assertTrue(arguments.contains("-Dquarkus.http.port=" + instance.port()), "JAVA_OPTS: " + arguments);
        } finally {
            instance.close();
        }
        assertFalse(process.isAlive(), "SIGTERM reached the JVM");
    }

    // The launcher's choices, seen through a stand-in for java that prints what it was given.

    @Test
    void serveGetsTheDefaultHeapUnlessJavaOptsBoundIt() throws Exception {
        Path launcher = standIn("17.0.15");
        assertEquals(List.of("-Xmx256m", "-jar", jar(launcher)), javaArguments(launcher, Map.of()));
        assertEquals(List.of("-Xmx1g", "-Dx=y", "-jar", jar(launcher)),
                javaArguments(launcher, Map.of("JAVA_OPTS", "-Xmx1g -Dx=y")));
        assertEquals(List.of("-XX:MaxRAMPercentage=50", "-jar", jar(launcher)),
                javaArguments(launcher, Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=50")));
    }

    @Test
    void aServerStartedFromACacheLetsTheJitCompileLaterUnlessJavaOptsSayOtherwise() throws Exception {
        Path launcher = standIn("25.0.1");
        assertEquals(List.of("-Xmx256m", "-jar", jar(launcher)), javaArguments(launcher, Map.of()), "no cache, JVM defaults");
        Path cache = Files.createFile(launcher.getParent().getParent().resolve("app.aot"));
        String aot = "-XX:AOTCache=" + cache.toRealPath();
        assertEquals(List.of("-Xmx256m", aot, "-XX:CompileThresholdScaling=4", "-jar", jar(launcher)),
                javaArguments(launcher, Map.of()));
        assertEquals(List.of("-Xmx256m", aot, "-XX:CompileThresholdScaling=1", "-jar", jar(launcher)),
                javaArguments(launcher, Map.of("JAVA_OPTS", "-XX:CompileThresholdScaling=1")));
        assertEquals(List.of(aot, "-jar", jar(launcher), "user", "list"), javaArguments(launcher, Map.of(), "user", "list"),
                "a command is not a server");
        Path jdk17 = standIn("17.0.15");
        Path archive = Files.createFile(jdk17.getParent().getParent().resolve("app-cds.jsa"));
        assertEquals(List.of("-Xmx256m", "-XX:SharedArchiveFile=" + archive.toRealPath(), "-XX:CompileThresholdScaling=4",
                "-jar", jar(jdk17)), javaArguments(jdk17, Map.of()));
    }

    @Test
    void commandsGetTheirArgumentsUntouchedAndNoHeapBound() throws Exception {
        Path launcher = standIn("17.0.15");
        assertEquals(List.of("-Dx=y", "-jar", jar(launcher), "org", "create", "a b", "--name", "It's \"quoted\" $HOME *"),
                javaArguments(launcher, Map.of("JAVA_OPTS", "-Dx=y"), "org", "create", "a b", "--name", "It's \"quoted\" $HOME *"));
    }

    @Test
    void anAotCacheBesideTheJarIsUsedFromJava25On() throws Exception {
        Path launcher = standIn("25.0.1");
        assertEquals(List.of("-jar", jar(launcher), "org", "list"), javaArguments(launcher, Map.of(), "org", "list"),
                "no cache, no option");
        Path cache = Files.createFile(launcher.getParent().getParent().resolve("app.aot"));
        assertEquals(List.of("-XX:AOTCache=" + cache.toRealPath(), "-jar", jar(launcher), "org", "list"),
                javaArguments(launcher, Map.of(), "org", "list"));
        Path older = standIn("21.0.5");
        Files.createFile(older.getParent().getParent().resolve("app.aot"));
        assertEquals(List.of("-jar", jar(older), "org", "list"), javaArguments(older, Map.of(), "org", "list"),
                "Java 21 does not know the option");
    }

    @Test
    void anAppCdsArchiveBesideTheJarIsUsedBeforeJava25AndAnAotCacheFrom25On() throws Exception {
        Path jdk17 = standIn("17.0.15");
        Path archive = Files.createFile(jdk17.getParent().getParent().resolve("app-cds.jsa"));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.toRealPath(), "-jar", jar(jdk17), "org", "list"),
                javaArguments(jdk17, Map.of(), "org", "list"));
        Path jdk25 = standIn("25.0.1");
        Path root = jdk25.getParent().getParent();
        Files.createFile(root.resolve("app-cds.jsa"));
        assertEquals(List.of("-jar", jar(jdk25), "org", "list"), javaArguments(jdk25, Map.of(), "org", "list"),
                "JDK 25 takes only its AOT cache");
        Path cache = Files.createFile(root.resolve("app.aot"));
        assertEquals(List.of("-XX:AOTCache=" + cache.toRealPath(), "-jar", jar(jdk25), "org", "list"),
                javaArguments(jdk25, Map.of(), "org", "list"));
    }

    @Test
    void theJdksReleaseFileNamesItsVersionWithoutStartingAJvm() throws Exception {
        // The stand-in's java answers -version with 17; its release file says 25, and is what counts.
        Path launcher = standIn("17.0.15");
        Files.writeString(javaHome(launcher).resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        Path cache = Files.createFile(launcher.getParent().getParent().resolve("app.aot"));
        assertEquals(List.of("-XX:AOTCache=" + cache.toRealPath(), "-jar", jar(launcher), "org", "list"),
                javaArguments(launcher, Map.of(), "org", "list"));
    }

    @Test
    void theExitStatusOfJavaIsKept() throws Exception {
        Path launcher = standIn("17.0.15");
        Process process = Launcher.process(launcher, List.of("exit", "7"), Map.of("JAVA_HOME", javaHome(launcher).toString())).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(7, process.exitValue());
    }

    /** A copy of the launcher beside an empty quarkus-run.jar, and a JDK whose java prints its arguments (NUL after each) or exits with 7. */
    private Path standIn(String javaVersion) throws IOException {
        Path app = Files.createDirectories(dir.resolve("app-" + javaVersion + "/bin")).getParent();
        Files.createFile(app.resolve("quarkus-run.jar"));
        Path launcher = Files.copy(Launcher.PATH, app.resolve("bin/zauth"));
        Path java = Files.createDirectories(app.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -version ]; then
                    echo 'openjdk version "%s" 2025-09-16' >&2
                    exit 0
                fi
                for argument in "$@"; do
                    if [ "$argument" = exit ]; then
                        exit 7
                    fi
                    printf '%%s\\0' "$argument"
                done
                """.formatted(javaVersion));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    private static Path javaHome(Path launcher) {
        return launcher.getParent().getParent().resolve("jdk");
    }

    private static String jar(Path launcher) throws IOException {
        return launcher.getParent().getParent().toRealPath().resolve("quarkus-run.jar").toString();
    }

    private List<String> javaArguments(Path launcher, Map<String, String> environment, String... args) throws Exception {
        Map<String, String> withJava = new HashMap<>(environment);
        withJava.put("JAVA_HOME", javaHome(launcher).toString());
        Process process = Launcher.process(launcher, List.of(args), withJava).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return List.of(out.split("\0"));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
