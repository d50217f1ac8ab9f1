package io.zauth.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the API key secrets come from in embedded and production mode. */
class KeySecretsLoaderTest {

    static final Optional<String> NONE = Optional.empty();

    @TempDir
    Path temp;

    @Test
    void theEmbeddedDatabaseGeneratesOwnerOnlySecretsOnFirstStartAndReusesThem() throws Exception {
        Path dataDir = temp.resolve("data");
        KeySecrets first = KeySecretsLoader.load(NONE, NONE, true, dataDir);
        Path file = dataDir.resolve(KeySecretsLoader.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (var listing = Files.list(dataDir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }

        KeySecrets again = KeySecretsLoader.load(NONE, NONE, true, dataDir);
        assertArrayEquals(first.digestKey(), again.digestKey());
        assertArrayEquals(first.encryptionKey(), again.encryptionKey());
    }

    @Test
    void anExistingDataDirectoryIsRestrictedToItsOwnerAndAnOpenSecretsFileIsTightened() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        KeySecretsLoader.load(NONE, NONE, true, dataDir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));

        Path file = dataDir.resolve(KeySecretsLoader.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeySecretsLoader.load(NONE, NONE, true, dataDir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void processesStartingTogetherAgreeOnOneSecretPair() throws Exception {
        Path dataDir = temp.resolve("race");
        int starters = 8;
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> start = () -> {
            go.await();
            return Base64.getEncoder().encodeToString(KeySecretsLoader.load(NONE, NONE, true, dataDir).encryptionKey());
        };
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                results.add(pool.submit(start));
            }
            go.countDown();
            Set<String> seen = results.stream().map(KeySecretsLoaderTest::get).collect(Collectors.toSet());
            assertEquals(1, seen.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void configuredSecretsWinAndNoFileIsWritten() {
        KeySecrets given = KeySecrets.generate();
        Base64.Encoder base64 = Base64.getEncoder();
        KeySecrets loaded = KeySecretsLoader.load(Optional.of(base64.encodeToString(given.digestKey())),
                Optional.of(base64.encodeToString(given.encryptionKey())), true, temp);
        assertArrayEquals(given.digestKey(), loaded.digestKey());
        assertArrayEquals(given.encryptionKey(), loaded.encryptionKey());
        assertFalse(Files.exists(temp.resolve(KeySecretsLoader.FILE_NAME)));
    }

    @Test
    void anyOtherDatabaseRefusesToStartWithoutSecretsInOneLineNamingWhatToSet() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> KeySecretsLoader.load(NONE, NONE, false, temp));
        String message = refused.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains(KeySecrets.DIGEST_PROPERTY) && message.contains(KeySecrets.ENCRYPTION_PROPERTY), message);
        assertTrue(message.contains("zauth secrets generate"), message);
        assertFalse(Files.exists(temp.resolve(KeySecretsLoader.FILE_NAME)), "production never generates");
    }

    @Test
    void oneSecretWithoutTheOtherIsRefusedInEveryMode() {
        Optional<String> one = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));
        assertThrows(ConfigurationException.class, () -> KeySecretsLoader.load(one, NONE, true, temp));
        assertThrows(ConfigurationException.class, () -> KeySecretsLoader.load(NONE, one, false, temp));
    }

    @Test
    void aSecretThatIsNot32BytesOfBase64IsRefusedWithoutEchoingIt() {
        String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        ConfigurationException shortKey = assertThrows(ConfigurationException.class,
                () -> KeySecretsLoader.load(Optional.of(tooShort), Optional.of(tooShort), false, temp));
        assertFalse(shortKey.getMessage().contains(tooShort), shortKey.getMessage());
        String notBase64 = "this is not base64 at all!";
        ConfigurationException garbled = assertThrows(ConfigurationException.class,
                () -> KeySecretsLoader.load(Optional.of(notBase64), Optional.of(notBase64), false, temp));
        assertFalse(garbled.getMessage().contains(notBase64), garbled.getMessage());
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
