package io.zauth.password;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Hashes and checks passwords in Django's formats, so hashes move freely between Zulip and zauth.
 * New hashes are Argon2id with the configured parameters; Django's Argon2 (id and i), PBKDF2
 * (SHA-256, SHA-1) and legacy salted SHA-1/MD5 hashes are verified and reported as needing a rehash.
 * Argon2 runs in the reference C implementation (libargon2 through argon2-jvm).
 */
@ApplicationScoped
public class PasswordHasher {

    /** Whether the password matched, and whether its hash should be replaced by a current one. */
    public record Verification(boolean matches, boolean needsRehash) {
        static final Verification NO_MATCH = new Verification(false, false);
    }

    static final String PREFIX = "argon2";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordHashingConfig.Argon2 params;
    private final Argon2Advanced argon2id = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
    private final Argon2Advanced argon2i = Argon2Factory.createAdvanced(Argon2Types.ARGON2i);
    private volatile String dummyHash;

    PasswordHasher(PasswordHashingConfig config) {
        this.params = config.argon2();
    }

    /** A new Argon2id hash in Django's encoding: {@code argon2$argon2id$v=19$m=…,t=…,p=…$salt$hash}. */
    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an empty password cannot be hashed");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String encoded = argon2id.hashAdvanced(params.iterations(), params.memoryKib(), params.parallelism(),
                password.getBytes(StandardCharsets.UTF_8), salt, HASH_BYTES, Argon2Version.V13).getEncoded();
        return PREFIX + encoded;
    }

    /** Never throws: an unusable, unknown or malformed hash simply does not match. */
    public Verification verify(String password, String encoded) {
        if (password == null || password.isEmpty() || encoded == null) {
            return Verification.NO_MATCH;
        }
        if (encoded.startsWith(PREFIX + "$")) {
            return verifyArgon2(password, encoded.substring(PREFIX.length()));
        }
        return DjangoLegacyHashes.verify(password, encoded)
                ? new Verification(true, true)
                : Verification.NO_MATCH;
    }

    /** Spends what verifying a current hash costs, so that a missing user takes as long as a present one. */
    public void verifyDummy(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("zauth dummy password");
            dummyHash = dummy;
        }
        verify(password == null || password.isEmpty() ? "-" : password, dummy);
    }

    private Verification verifyArgon2(String password, String encoded) {
        Optional<Argon2Hash> parsed = Argon2Hash.parse(encoded);
        if (parsed.isEmpty()) {
            return Verification.NO_MATCH;
        }
        Argon2Advanced engine = parsed.get().variant().equals("argon2id") ? argon2id : argon2i;
        try {
            if (!engine.verify(encoded, password.getBytes(StandardCharsets.UTF_8))) {
                return Verification.NO_MATCH;
            }
        } catch (RuntimeException malformed) {
            return Verification.NO_MATCH;
        }
        return new Verification(true, !parsed.get().isCurrent(params));
    }
}
