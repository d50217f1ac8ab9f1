package io.zauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zauth.key.KeySecrets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code zauth secrets generate} prints a fresh pair of secrets in configuration form. */
@QuarkusMainTest
class SecretsCommandLineTest {

    @Test
    void generatePrintsBothPropertiesWith32RandomBytesEach(QuarkusMainLauncher launcher) {
        LaunchResult first = launcher.launch("secrets", "generate");
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        List<String> lines = settings(first.getOutput());
        assertEquals(2, lines.size(), first.getOutput());
        assertTrue(lines.get(0).startsWith(KeySecrets.DIGEST_PROPERTY + "="), lines.get(0));
        assertTrue(lines.get(1).startsWith(KeySecrets.ENCRYPTION_PROPERTY + "="), lines.get(1));
        for (String line : lines) {
            assertEquals(32, Base64.getDecoder().decode(line.substring(line.indexOf('=') + 1)).length, line);
        }
        assertNotEquals(value(lines.get(0)), value(lines.get(1)), "the two secrets are independent");

        List<String> second = settings(launcher.launch("secrets", "generate").getOutput());
        assertNotEquals(lines, second, "every run draws fresh secrets");
    }

    @Test
    void theCommandIsListedInHelp(QuarkusMainLauncher launcher) {
        assertTrue(launcher.launch("--help").getOutput().contains("secrets"));
        assertTrue(launcher.launch("secrets", "--help").getOutput().contains("generate"));
    }

    /** The output's configuration lines; comment lines start with '#'. */
    static List<String> settings(String output) {
        return Arrays.stream(output.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static String value(String line) {
        return line.substring(line.indexOf('=') + 1);
    }
}
