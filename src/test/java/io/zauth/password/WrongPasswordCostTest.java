package io.zauth.password;

import static io.zauth.support.Logins.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.zauth.api.DjangoVectors;
import io.zauth.key.ApiKeys;
import io.zauth.migration.ZulipImport;
import io.zauth.org.Organization;
import io.zauth.support.CapturedLogs;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11, items 5 and 6, observed through the real hasher's verification metric
 * (which hash class libargon2 or the JDK computed) rather than through timing: a wrong password
 * must cost the costliest class the organization holds whatever the stored hash, and a stored
 * hash above the caps must never be computed.
 */
@QuarkusTest
class WrongPasswordCostTest {

    /** Django's default (m=102400 t=2 p=8), far costlier than zauth's own m=19456 t=2 p=1. */
    static final String DJANGO_ARGON2_CLASS = "argon2$argon2id$v=19$m=102400,t=2,p=8";
    static final String CURRENT_CLASS = "argon2$argon2id$v=19$m=19456,t=2,p=1";
    /** Within the limits of the release before the caps (so computed there: 64 MiB, 8 passes), above the caps. */
    static final String ARGON2_ABOVE_CAPS =
            "argon2$argon2id$v=19$m=65536,t=8,p=1$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOAUQP4/wkoxIqIJWw6OSjOOA";
    static final String PBKDF2_ABOVE_CAPS =
            "pbkdf2_sha256$2000001$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=";

    @Inject
    Fixtures fixtures;

    @Inject
    ZulipImport zulipImport;

    @Inject
    MeterRegistry registry;

    @TempDir
    Path dir;

    @Test
    void everyWrongPasswordInAnOrganizationHoldingDjangoArgon2CostsThatClass() throws IOException {
        Organization org = fixtures.organization();
        String imported = Fixtures.unique("imported") + "@example.com";
        Path file = Files.writeString(dir.resolve("users.csv"), "delivery_email,full_name,password,api_key,is_active,role,date_joined\n"
                + imported + ",Ada,\"" + DjangoVectors.ARGON2ID_DJANGO_DEFAULT + "\"," + ApiKeys.generate() + ",t,400,2019-03-04T05:06:07Z\n",
                StandardCharsets.UTF_8);
        List<Object> skipped = new ArrayList<>();
        assertTrue(zulipImport.importUsers(org, file, skipped::add).everyRowImported(), skipped.toString());
        UserAccount current = fixtures.user(org);

        for (String username : List.of(Fixtures.unique("nobody") + "@example.com", current.email(), imported)) {
            double padded = failures(DJANGO_ARGON2_CLASS);
            login(org, username, "a wrong password").statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));
            assertEquals(padded + 1, failures(DJANGO_ARGON2_CLASS), 0.0,
                    "the wrong password of " + username + " was not made to cost Django's Argon2 class");
            assertTrue(verifications(DJANGO_ARGON2_CLASS, null) >= 1,
                    "the cost of Django's Argon2 class was never measured through the hasher");
        }

        // The right password still upgrades the imported hash; after that the organization holds no Django class.
        login(org, imported, DjangoVectors.PASSWORD).statusCode(200);
        assertTrue(fixtures.users().byEmail(org.id(), imported).orElseThrow().passwordHash().startsWith(CURRENT_CLASS + "$"));
    }

    @Test
    void aStoredHashAboveTheCapsIsNeverComputedAndItsUserIsLogged() {
        Organization org = fixtures.organization();
        CapturedLogs logs = new CapturedLogs("io.zauth");
        logs.attach();
        try {
            for (String hash : List.of(ARGON2_ABOVE_CAPS, PBKDF2_ABOVE_CAPS)) {
                UserAccount user = fixtures.userWithHash(org, hash);
                double all = verifications(null, null);
                double dummies = verifications(CURRENT_CLASS, "dummy");
                String hashClass = hash.substring(0, hash.indexOf('$', hash.indexOf(hash.startsWith("argon2") ? "m=" : "$") + 1));

                login(org, user.email(), "whatever it is").statusCode(401).body("code", equalTo("AUTHENTICATION_FAILED"));

                assertEquals(0, verifications(hashClass, null), 0.0, "the hash above the caps was computed");
                assertEquals(all + 1, verifications(null, null), 0.0, "one computation, as for any wrong password");
                assertEquals(dummies + 1, verifications(CURRENT_CLASS, "dummy"), 0.0, "the one computation is a dummy");
                assertTrue(logs.records().stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        && message(r).contains("user " + user.id())), "no error names user " + user.id());
            }
            String salt = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg";
            assertFalse(logs.records().stream().anyMatch(r -> message(r).contains(salt) || message(r).contains("abcdefghijklmnopqrstuv")),
                    "a stored hash reached the log");
        } finally {
            logs.detach();
        }
    }

    /** The text a log line shows, and the parameters it was made from. */
    private static String message(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return formatted + " " + Arrays.deepToString(record.getParameters());
    }

    /** Completed verifications of a hash class ({@code null}: any) by {@code user} or {@code dummy} ({@code null}: either). */
    private double verifications(String hashClass, String subject) {
        var search = registry.find("zauth.password.verification");
        if (hashClass != null) {
            search = search.tag("hash", hashClass);
        }
        if (subject != null) {
            search = search.tag("subject", subject);
        }
        return search.timers().stream().mapToLong(Timer::count).sum();
    }

    /** Failed verifications made to cost the class. */
    private double failures(String hashClass) {
        return registry.find("zauth.password.failures").tag("padded_to", hashClass).timers().stream().mapToLong(Timer::count).sum();
    }

}
