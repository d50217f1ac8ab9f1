package io.zauth.password;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Hashes and checks passwords in Django's formats, so hashes move freely between Zulip and zauth.
 * New hashes are Argon2id with the configured parameters; Django's Argon2 (id and i), PBKDF2
 * (SHA-256, SHA-1) and legacy salted SHA-1/MD5 hashes are verified and reported as needing a rehash.
 * Argon2 runs in the reference C implementation (libargon2 through argon2-jvm).
 */
@ApplicationScoped
public class PasswordHasher {

    /** Whether the password matched, and whether its hash should then be replaced by a current one. */
    public record Verification(boolean matches, boolean needsRehash) {
        static final Verification NO_MATCH = new Verification(false, false);
    }

    static final String PREFIX = "argon2";
    private static final String DUMMY_PASSWORD = "zauth dummy password";

    private final PasswordHashingConfig.Argon2 params;
    private volatile String dummyHash;

    PasswordHasher(PasswordHashingConfig config) {
        this.params = config.argon2();
        // Otherwise every new hash would be one that verify() refuses, locking its owner out.
        if (!Argon2Hash.withinLimits(params.memoryKib(), params.iterations(), params.parallelism())) {
            throw new IllegalArgumentException("zauth.password-hashing.argon2 parameters are out of range");
        }
    }

    /** A new Argon2id hash in Django's encoding: {@code argon2$argon2id$v=19$m=…,t=…,p=…$salt$hash}. */
    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an empty password cannot be hashed");
        }
        return PREFIX + Argon2Hash.create(password, params).encoded();
    }

    /** Never throws: an unusable, unknown or malformed hash simply does not match. */
    public Verification verify(String password, String encoded) {
        if (password == null || password.isEmpty() || encoded == null || encoded.startsWith("!")) {
            return Verification.NO_MATCH;
        }
        if (encoded.startsWith(PREFIX + "$")) {
            return Argon2Hash.parse(encoded.substring(PREFIX.length()))
                    .filter(hash -> hash.matches(password))
                    .map(hash -> new Verification(true, !hash.isCurrent(params)))
                    .orElse(Verification.NO_MATCH);
        }
        return DjangoLegacyHashes.verify(password, encoded) ? new Verification(true, true) : Verification.NO_MATCH;
    }

    /** Django's algorithm names that {@link #verify} checks, as in {@code pbkdf2_sha256$…}. */
    private static final Set<String> VERIFIED_ALGORITHMS = Set.of(PREFIX, "pbkdf2_sha256", "pbkdf2_sha1", "sha1", "md5");

    /** Whether a stored Django hash names an algorithm {@link #verify} knows (it may still be malformed). */
    public static boolean knowsAlgorithm(String encoded) {
        int end = encoded == null ? -1 : encoded.indexOf('$');
        return end > 0 && VERIFIED_ALGORITHMS.contains(encoded.substring(0, end));
    }

    /**
     * Costs what {@link #verify} costs on a current hash, result ignored, so that an unknown user takes
     * as long as a known one. Like {@code verify}, it does no work for an empty password.
     */
    public void verifyDummy(String password) {
        verify(password, dummyHash());
    }

    /** Hashed on first use, not at startup, and once even when the first logins arrive together. */
    String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            synchronized (this) {
                if (dummyHash == null) {
                    dummyHash = hash(DUMMY_PASSWORD);
                }
                dummy = dummyHash;
            }
        }
        return dummy;
    }
}
