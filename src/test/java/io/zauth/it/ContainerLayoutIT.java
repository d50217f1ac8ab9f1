package io.zauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run on the build machine, so this checks what can be checked without it: the JVM
 * image copies files the package step really produced, keeps the data directory on its volume,
 * exposes the ports zauth listens on (the API and the management interface), and the README
 * documents each variable the image sets. The JDK 25 image with the AOT cache is held to the same.
 */
class ContainerLayoutIT {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Path AOT_DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm-aot");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+((?:--\\S+\\s+)*)(\\S+)\\s+\\S+$");

    @Test
    void theImageCopiesWhatPackagingProduced() throws IOException {
        List<String> sources = hostSources(dockerfile(DOCKERFILE));
        assertEquals(5, sources.size(), "lib, the run jar, app, quarkus and the launcher: " + sources);
        assertExist(sources);
    }

    @Test
    void theAotImageTrainsWhatPackagingProducedAndRunsWithItsCache() throws IOException {
        String text = dockerfile(AOT_DOCKERFILE);
        List<String> sources = hostSources(text);
        assertEquals(List.of("target/quarkus-app/", "scripts/startup-cache"), sources);
        assertExist(sources);
        assertTrue(text.contains("RUN JAVA=java /tmp/startup-cache /deployments"), "the cache is trained on the image's JDK");
        assertTrue(text.contains("COPY --from=training --chown=185 /deployments/app.aot /deployments/"), "the cache is kept");
        assertTrue(text.contains("-XX:AOTCache=/deployments/app.aot"), "and used");
        assertEquals(2, Pattern.compile("(?m)^FROM registry.access.redhat.com/ubi9/openjdk-25-runtime:").matcher(text).results().count(),
                "trained and run on the same JDK 25 image");
    }

    /** {@code docker exec <container> zauth …} administers the served database; the image still starts with run-java.sh. */
    @Test
    void theLauncherIsOnThePathAndTheServiceStartsAsBefore() throws IOException {
        String text = dockerfile(DOCKERFILE);
        assertTrue(text.contains("COPY --chown=185 target/quarkus-app/bin/ /deployments/bin/"), "the launcher, executable as packaged");
        assertTrue(text.contains("ENV PATH=\"/deployments/bin:${PATH}\""), "the launcher on PATH");
        assertTrue(Files.isExecutable(Path.of("target", "quarkus-app", "bin", "zauth")), "packaging produced the launcher");
        assertTrue(text.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"), "the image's own start");
    }

    @Test
    void dataLivesOnTheVolumeAndThePortsAreZauths() throws IOException {
        for (Path file : List.of(DOCKERFILE, AOT_DOCKERFILE)) {
            assertVolumePortsAndUser(dockerfile(file));
        }
    }

    private static void assertVolumePortsAndUser(String text) {
        assertTrue(text.contains("ENV ZAUTH_DATA_DIR=/deployments/data"), "data directory");
        assertTrue(text.contains("VOLUME /deployments/data"), "volume");
        assertTrue(text.contains("EXPOSE 8080 9000"), "the API and management ports");
        assertTrue(text.contains("USER 185"), "runs as a non-root user");
    }

    @Test
    void theReadmeDocumentsEveryVariableTheImageSets() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher env = Pattern.compile("(?m)^ENV\\s+([A-Z_]+)=").matcher(dockerfile(DOCKERFILE) + dockerfile(AOT_DOCKERFILE));
        while (env.find()) {
            String variable = env.group(1);
            if (!List.of("LANGUAGE", "JAVA_APP_JAR", "PATH").contains(variable)) {
                assertTrue(readme.contains("`" + variable + "`"), variable + " is not in the README");
            }
        }
    }

    /** What COPY takes from the build context, not from an earlier stage. */
    private static List<String> hostSources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher copy = COPY.matcher(dockerfile);
        while (copy.find()) {
            if (!copy.group(1).contains("--from=")) {
                sources.add(copy.group(2));
            }
        }
        return sources;
    }

    private static void assertExist(List<String> sources) throws IOException {
        for (String source : sources) {
            Path path = Path.of(source);
            try (var matches = Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
                assertTrue(matches.iterator().hasNext(), source + " does not exist after packaging");
            }
        }
    }

    private static String dockerfile(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
