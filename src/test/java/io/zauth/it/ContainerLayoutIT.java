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
 * documents each variable the image sets.
 */
class ContainerLayoutIT {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");

    @Test
    void theImageCopiesWhatPackagingProduced() throws IOException {
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$").matcher(dockerfile());
        while (copy.find()) {
            sources.add(copy.group(1));
        }
        assertEquals(5, sources.size(), "lib, the run jar, app, quarkus and the launcher: " + sources);
        for (String source : sources) {
            try (var matches = Files.newDirectoryStream(Path.of(source).getParent(), Path.of(source).getFileName().toString())) {
                assertTrue(matches.iterator().hasNext(), source + " does not exist after packaging");
            }
        }
    }

    /** {@code docker exec <container> zauth …} administers the served database; the image still starts with run-java.sh. */
    @Test
    void theLauncherIsOnThePathAndTheServiceStartsAsBefore() throws IOException {
        String text = dockerfile();
        assertTrue(text.contains("COPY --chown=185 target/quarkus-app/bin/ /deployments/bin/"), "the launcher, executable as packaged");
        assertTrue(text.contains("ENV PATH=\"/deployments/bin:${PATH}\""), "the launcher on PATH");
        assertTrue(Files.isExecutable(Path.of("target", "quarkus-app", "bin", "zauth")), "packaging produced the launcher");
        assertTrue(text.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"), "the image's own start");
    }

    @Test
    void dataLivesOnTheVolumeAndThePortsAreZauths() throws IOException {
        String text = dockerfile();
        assertTrue(text.contains("ENV ZAUTH_DATA_DIR=/deployments/data"), "data directory");
        assertTrue(text.contains("VOLUME /deployments/data"), "volume");
        assertTrue(text.contains("EXPOSE 8080 9000"), "the API and management ports");
        assertTrue(text.contains("USER 185"), "runs as a non-root user");
    }

    @Test
    void theReadmeDocumentsEveryVariableTheImageSets() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher env = Pattern.compile("(?m)^ENV\\s+([A-Z_]+)=").matcher(dockerfile());
        while (env.find()) {
            String variable = env.group(1);
            if (!List.of("LANGUAGE", "JAVA_APP_JAR", "PATH").contains(variable)) {
                assertTrue(readme.contains("`" + variable + "`"), variable + " is not in the README");
            }
        }
    }

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
    }
}
