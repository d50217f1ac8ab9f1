package io.zauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zauth.ldap.DirectoryTestResource;
import io.zauth.support.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code ldap test} and {@code ldap sync} against the test directory. */
@QuarkusMainTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class LdapCommandLineTest {

    @Test
    void ldapTestShowsTheEntryAndEmailOfAUsername(QuarkusMainLauncher launcher) {
        LaunchResult found = launcher.launch("ldap", "test", "--directory", "search", "--username", "sam");
        assertEquals(0, found.exitCode(), found.getErrorOutput());
        assertTrue(found.getOutput().contains("dn: uid=sam,ou=people,dc=example,dc=org"), found.getOutput());
        assertTrue(found.getOutput().contains("email: samantha@example.org"), found.getOutput());
        LaunchResult missing = launcher.launch("ldap", "test", "--directory", "search", "--username", "nobody");
        assertEquals(1, missing.exitCode());
        assertEquals("zauth: no single entry matches 'nobody'", missing.getErrorOutput().strip());
        LaunchResult dead = launcher.launch("ldap", "test", "--directory", "dead", "--username", "hamlet");
        assertEquals(1, dead.exitCode());
        String[] errorLines = dead.getErrorOutput().strip().split("\n");
        assertTrue(errorLines[errorLines.length - 1].startsWith("zauth: directory 'dead' unavailable"), dead.getErrorOutput());
    }

    @Test
    void ldapSyncReportsWhatItChecked(QuarkusMainLauncher launcher) {
        String sub = Fixtures.unique("cli");
        assertEquals(0, launcher.launch("org", "create", sub, "--methods", "ldap", "--directory", "search").exitCode());
        LaunchResult synced = launcher.launch("ldap", "sync", "--org", sub);
        assertEquals(0, synced.exitCode(), synced.getErrorOutput());
        assertEquals("checked 0, renamed 0, deactivated 0", synced.getOutput().strip());
    }

}
