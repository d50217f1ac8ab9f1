package io.zauth.jwt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Java runtime Keycloak runs on: Keycloak 26 needs Java 21 or later, zauth builds on 17.
 * The system property {@code test.keycloak.java-home}, else the environment variable
 * {@code ZAUTH_KEYCLOAK_JAVA_HOME}, names the one to use; without either, the Temurin 25 JDK of the
 * machine image ({@value #DEFAULT_JAVA_HOME}) or else the JVM running the tests is taken, whichever
 * is a Java 21+ home first (by its {@code release} file). Without one the Keycloak tests are skipped, unless
 * {@code ZAUTH_REQUIRE_KEYCLOAK=true} (set by CI), which makes them fail instead.
 */
public final class KeycloakJava {

    public static final String JAVA_HOME_PROPERTY = "test.keycloak.java-home";
    public static final String JAVA_HOME_VARIABLE = "ZAUTH_KEYCLOAK_JAVA_HOME";
    public static final String REQUIRE_VARIABLE = "ZAUTH_REQUIRE_KEYCLOAK";
    public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    static final int MINIMUM_FEATURE_VERSION = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private KeycloakJava() {
    }

    /** The first Java 21+ home among the candidates above, if any. */
    public static Optional<Path> find() {
        return candidates().stream().filter(KeycloakJava::isJava21Home).findFirst();
    }

    /** Whether this run must start Keycloak (CI sets {@code ZAUTH_REQUIRE_KEYCLOAK=true}). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
    }

    /**
     * For a test's {@code @BeforeAll}: skips the test class when there is no Java 21+ runtime, or
     * fails it when {@code ZAUTH_REQUIRE_KEYCLOAK=true}.
     */
    public static void assumeAvailable() {
        if (find().isPresent()) {
            return;
        }
        if (required()) {
            throw new IllegalStateException(missingMessage(REQUIRE_VARIABLE + "=true"));
        }
        String reason = missingMessage("skipped") + "; CI has it and sets " + REQUIRE_VARIABLE + "=true";
        // Surefire reports a class aborted in @BeforeAll as "Tests run: 0" without the reason: say it here.
        System.err.println("Keycloak tests skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** The Java 21+ home, or a failure that says where it was looked for and how to get one. */
    static Path require() {
        return find().orElseThrow(() -> new IllegalStateException(missingMessage("needed to start Keycloak")));
    }

    private static String missingMessage(String why) {
        return "Keycloak needs Java " + MINIMUM_FEATURE_VERSION + "+ (" + why + ") and none was found among "
                + candidates() + "; the machine image has the Temurin 25 JDK at " + DEFAULT_JAVA_HOME
                + " (not apt-installable here), or point " + JAVA_HOME_VARIABLE + " (or -D" + JAVA_HOME_PROPERTY
                + ") at any Java " + MINIMUM_FEATURE_VERSION + "+ home";
    }

    private static List<Path> candidates() {
        String property = System.getProperty(JAVA_HOME_PROPERTY, "");
        if (!property.isBlank()) {
            return List.of(Path.of(property));
        }
        String variable = System.getenv().getOrDefault(JAVA_HOME_VARIABLE, "");
        if (!variable.isBlank()) {
            return List.of(Path.of(variable));
        }
        return List.of(Path.of(DEFAULT_JAVA_HOME), Path.of(System.getProperty("java.home")));
    }

    private static boolean isJava21Home(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return false;
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() && Integer.parseInt(version.group(1)) >= MINIMUM_FEATURE_VERSION;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + release, e);
        }
    }
}
