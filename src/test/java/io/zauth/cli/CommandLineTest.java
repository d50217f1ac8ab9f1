package io.zauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zauth.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The administrative command line, run in-process. Commands that read a password from standard
 * input are exercised against the packaged jar in {@code PackagedApplicationIT}.
 */
@QuarkusMainTest
class CommandLineTest {

    @Test
    @Launch({"--help"})
    void helpListsTheCommands(LaunchResult result) {
        assertTrue(result.getOutput().contains("org"), result.getOutput());
        assertTrue(result.getOutput().contains("user"), result.getOutput());
    }

    @Test
    void userHelpListsEverySubcommand(QuarkusMainLauncher launcher) {
        String out = launcher.launch("user", "--help").getOutput();
        for (String sub : new String[] {"create", "list", "deactivate", "reactivate", "set-password", "require-reset", "regenerate-key"}) {
            assertTrue(out.contains(sub), sub + " missing from: " + out);
        }
        String orgOut = launcher.launch("org", "--help").getOutput();
        for (String sub : new String[] {"create", "update", "list", "deactivate", "reactivate"}) {
            assertTrue(orgOut.contains(sub), sub + " missing from: " + orgOut);
        }
    }

    @Test
    void rateLimitResetNamesAnOrganizationAndAUsername(QuarkusMainLauncher launcher) {
        String sub = Fixtures.unique("cli");
        launcher.launch("org", "create", sub, "--login-rate-limit", "10/15m");
        LaunchResult reset = launcher.launch("ratelimit", "reset", "--org", sub, "--username", "ada@example.com");
        assertEquals(0, reset.exitCode(), reset.getErrorOutput());
        assertTrue(reset.getOutput().contains("reset login attempts of 'ada@example.com' in '" + sub + "'"), reset.getOutput());
        LaunchResult unknown = launcher.launch("ratelimit", "reset", "--org", "no-" + sub, "--username", "ada@example.com");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.getErrorOutput().contains("zauth: no organization 'no-" + sub + "'"), unknown.getErrorOutput());
        LaunchResult bad = launcher.launch("org", "update", sub, "--login-rate-limit", "lots");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.getErrorOutput().contains("'lots' is not a rate limit"), bad.getErrorOutput());
    }

    @Test
    void organizationsAreCreatedListedUpdatedAndDeactivated(QuarkusMainLauncher launcher) {
        String sub = Fixtures.unique("cli");
        LaunchResult created = launcher.launch("org", "create", sub, "--name", "Math 411", "--methods", "email");
        assertEquals(0, created.exitCode(), created.getErrorOutput());
        assertTrue(launcher.launch("org", "list").getOutput().contains(sub + "\tMath 411\temail\tactive"));
        assertEquals(0, launcher.launch("org", "update", sub, "--name", "Math 412", "--password-min-length", "10").exitCode());
        assertEquals(0, launcher.launch("org", "deactivate", sub).exitCode());
        assertTrue(launcher.launch("org", "list").getOutput().contains(sub + "\tMath 412\temail\tdeactivated"));
        assertEquals(0, launcher.launch("org", "reactivate", sub).exitCode());
    }

    @Test
    void usersAreCreatedListedAndChanged(QuarkusMainLauncher launcher) {
        String sub = Fixtures.unique("cli");
        launcher.launch("org", "create", sub);
        String email = Fixtures.unique("ada") + "@example.com";
        LaunchResult created = launcher.launch("user", "create", "--org", sub, "--email", email, "--full-name", "Ada", "--role", "admin");
        assertEquals(0, created.exitCode(), created.getErrorOutput());
        String[] outputLines = created.getOutput().strip().split("\n");
        String id = outputLines[outputLines.length - 1].strip();
        assertTrue(id.matches("\\d+"), created.getOutput());
        String list = launcher.launch("user", "list", "--org", sub).getOutput();
        assertTrue(list.contains(id + "\t" + email + "\tadmin\tactive\tAda"), list);
        assertEquals(0, launcher.launch("user", "deactivate", "--org", sub, "--email", email).exitCode());
        assertTrue(launcher.launch("user", "list", "--org", sub).getOutput().contains("deactivated"));
        assertEquals(0, launcher.launch("user", "reactivate", "--org", sub, "--email", email).exitCode());
        assertEquals(0, launcher.launch("user", "require-reset", "--org", sub, "--email", email).exitCode());
        assertEquals(0, launcher.launch("user", "regenerate-key", "--org", sub, "--email", email).exitCode());
        LaunchResult duplicate = launcher.launch("user", "create", "--org", sub, "--email", email.toUpperCase(), "--full-name", "Ada");
        assertEquals(1, duplicate.exitCode());
    }

    @Test
    void passwordsAreNeverTakenFromArguments(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("user", "set-password", "--org", "x", "--email", "a@example.com", "--password", "secret");
        assertTrue(result.exitCode() != 0);
    }

    @Test
    void errorsAreOneClearLineAndANonZeroExit(QuarkusMainLauncher launcher) {
        LaunchResult unknownOrg = launcher.launch("user", "list", "--org", "no-such-org");
        assertEquals(1, unknownOrg.exitCode());
        assertEquals("zauth: no organization 'no-such-org'", unknownOrg.getErrorOutput().strip());
        LaunchResult badSubdomain = launcher.launch("org", "create", "Not_Valid");
        assertEquals(1, badSubdomain.exitCode());
        assertFalse(badSubdomain.getErrorOutput().strip().contains("\n"), badSubdomain.getErrorOutput());
        LaunchResult badMethod = launcher.launch("org", "create", Fixtures.unique("cli"), "--methods", "kerberos");
        assertEquals(1, badMethod.exitCode());
        assertTrue(badMethod.getErrorOutput().startsWith("zauth: unknown authentication method 'kerberos'"), badMethod.getErrorOutput());
    }

    /** Issue 11, item 6: hashes that would take a gigabyte and 64 threads per login are refused, not imported. */
    @Test
    void importSkipsHashesAboveTheCapsWithTheirReasonAndExitsWithTwo(QuarkusMainLauncher launcher) throws java.io.IOException {
        String sub = Fixtures.unique("caps");
        assertEquals(0, launcher.launch("org", "create", sub, "--methods", "email").exitCode());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("zauth-caps", ".csv");
        try {
            java.nio.file.Files.writeString(file, "delivery_email,full_name,password,api_key,is_active,role,date_joined\n"
                    + "django@example.com,Django,\"argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA\","
                    + io.zauth.key.ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n"
                    + "gigabyte@example.com,Huge,\"argon2$argon2id$v=19$m=1048576,t=64,p=64$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA\","
                    + io.zauth.key.ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n"
                    + "django62@example.com,Django 6.2,pbkdf2_sha256$1800000$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=,"
                    + io.zauth.key.ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n"
                    + "django19@example.com,Django 1.9,\"argon2$argon2i$m=512,t=2,p=2$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA\","
                    + io.zauth.key.ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n"
                    + "pbkdf2@example.com,Long,pbkdf2_sha256$2000001$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=,"
                    + io.zauth.key.ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n");
            LaunchResult result = launcher.launch("import", "zulip", "--org", sub, file.toString());
            assertEquals(2, result.exitCode(), result.getErrorOutput());
            String errors = result.getErrorOutput();
            assertTrue(errors.contains("zauth: line 3: password hash costs more than zauth computes"), errors);
            assertTrue(errors.contains("zauth: line 6: password hash costs more than zauth computes"), errors);
            assertFalse(errors.contains("YWJjZGVm") || errors.contains("abcdefghijklmnopqrstuv"), "a hash reached the output: " + errors);
            String list = launcher.launch("user", "list", "--org", sub).getOutput();
            assertTrue(list.contains("django@example.com") && list.contains("django62@example.com") && list.contains("django19@example.com"), list);
            assertFalse(list.contains("gigabyte@example.com") || list.contains("pbkdf2@example.com"), list);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
