package io.zauth.key;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Where the API key secrets come from: configuration when given; otherwise, for the embedded
 * database only, a file under the data directory generated on first start (owner-only) and
 * shared by the server and the command line. Any other database refuses to start without them.
 * Errors name the properties, never their values.
 */
public final class KeySecretsLoader {

    public static final String FILE_NAME = "api-key-secrets.properties";

    private static final Logger LOG = Logger.getLogger(KeySecretsLoader.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private KeySecretsLoader() {}

    /**
     * @param embedded whether the database is the embedded H2 (the only case that may generate)
     * @param dataDir the embedded default's data directory ({@code zauth.data-dir})
     */
    public static KeySecrets load(Optional<String> digestKey, Optional<String> encryptionKey, boolean embedded,
            Path dataDir) {
        if (digestKey.isPresent() && encryptionKey.isPresent()) {
            return new KeySecrets(decode(KeySecrets.DIGEST_PROPERTY, digestKey.get()),
                    decode(KeySecrets.ENCRYPTION_PROPERTY, encryptionKey.get()));
        }
        if (digestKey.isPresent() || encryptionKey.isPresent()) {
            throw new ConfigurationException("Set both " + KeySecrets.DIGEST_PROPERTY + " and "
                    + KeySecrets.ENCRYPTION_PROPERTY + " or neither (`zauth secrets generate` prints a pair)");
        }
        if (!embedded) {
            throw new ConfigurationException("zauth refuses to start: set " + KeySecrets.DIGEST_PROPERTY + " and "
                    + KeySecrets.ENCRYPTION_PROPERTY + " (base64 of 32 random bytes each; `zauth secrets generate`"
                    + " prints them), required when the database is not the embedded H2");
        }
        return fromFile(dataDir.resolve(FILE_NAME));
    }

    private static KeySecrets fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * Writes fresh secrets to a private temporary file and publishes it with a hard link, which
     * fails if the file appeared meanwhile: a server and a command starting together agree on one pair.
     */
    private static void generate(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            restrictToOwner(directory);
        } else {
            Files.createDirectories(directory);
        }
        Path temporary = posix
                ? Files.createTempFile(directory, ".api-key-secrets", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, ".api-key-secrets", ".tmp");
        try {
            Files.writeString(temporary, "# API key secrets of this zauth installation, generated on first start.\n"
                    + "# Losing them makes every stored API key unusable; users then need new keys.\n"
                    + KeySecrets.generate().toProperties(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
                LOG.infof("Generated API key secrets in %s", file);
            } catch (FileAlreadyExistsException raced) {
                LOG.debugf("API key secrets appeared in %s meanwhile; using them", file);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The data directory also holds the embedded database: only its owner should enter it. */
    private static void restrictToOwner(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        } catch (IOException e) {
            LOG.warnf("Could not restrict %s to its owner: %s", directory, e.getClass().getSimpleName());
        }
    }

    private static KeySecrets read(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
            LOG.warnf("Restricted %s to its owner (it was readable by others)", file);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new KeySecrets(decode(KeySecrets.DIGEST_PROPERTY + " in " + file, required(properties, KeySecrets.DIGEST_PROPERTY, file)),
                decode(KeySecrets.ENCRYPTION_PROPERTY + " in " + file, required(properties, KeySecrets.ENCRYPTION_PROPERTY, file)));
    }

    private static String required(Properties properties, String name, Path file) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new ConfigurationException(file + " lacks " + name + "; restore it from a backup");
        }
        return value;
    }

    private static byte[] decode(String name, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + " must be base64 of " + KeySecrets.LENGTH + " random bytes");
        }
        if (raw.length != KeySecrets.LENGTH) {
            throw new ConfigurationException(name + " must be base64 of " + KeySecrets.LENGTH
                    + " random bytes, not " + raw.length);
        }
        return raw;
    }
}
