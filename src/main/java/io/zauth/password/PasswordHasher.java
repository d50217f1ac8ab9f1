package io.zauth.password;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
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
    /** Salt and digest of a dummy Argon2 hash: decoded and computed in full, never matched. */
    private static final String ARGON2_DUMMY_TAIL = "$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43);

    private final PasswordHashingConfig.Argon2 params;
    private final String currentCostClass;

    PasswordHasher(PasswordHashingConfig config) {
        this.params = config.argon2();
        // Otherwise every new hash would be one that verify() refuses, locking its owner out.
        if (!Argon2Hash.withinCaps(params.memoryKib(), params.iterations(), params.parallelism())) {
            throw new IllegalArgumentException("zauth.password-hashing.argon2 parameters are out of range");
        }
        this.currentCostClass = PREFIX + "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations()
                + ",p=" + params.parallelism();
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
                    .filter(hash -> hash.withinCaps() && hash.matches(password))
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
     * What sets the cost of verifying a stored hash: its algorithm and parameters, as the Django
     * prefix that carries them ({@code argon2$argon2id$v=19$m=102400,t=2,p=8},
     * {@code pbkdf2_sha256$1000000}, {@code sha1}). Empty for a hash {@link #verify} does not compute:
     * unknown, malformed, or above the caps.
     */
    public static Optional<String> costClass(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        if (encoded.startsWith(PREFIX + "$")) {
            return Argon2Hash.parse(encoded.substring(PREFIX.length())).filter(Argon2Hash::withinCaps).map(Argon2Hash::costClass);
        }
        return DjangoLegacyHashes.costClass(encoded);
    }

    /**
     * Whether a stored hash is one zauth refuses to compute: Argon2 above 128 MiB, 8 lanes or 256
     * MiB·passes, PBKDF2 above 2,000,000 iterations.
     */
    public static boolean exceedsCaps(String encoded) {
        if (encoded == null) {
            return false;
        }
        if (encoded.startsWith(PREFIX + "$")) {
            return Argon2Hash.parse(encoded.substring(PREFIX.length())).filter(hash -> !hash.withinCaps()).isPresent();
        }
        return DjangoLegacyHashes.exceedsCaps(encoded);
    }

    /** The cost class of the hashes {@link #hash} makes. */
    public String currentCostClass() {
        return currentCostClass;
    }

    /** A hash of the class that {@link #verify} computes in full and never matches: what a verification of the class costs. */
    String dummy(String costClass) {
        return costClass.startsWith(PREFIX + "$") ? costClass + ARGON2_DUMMY_TAIL : DjangoLegacyHashes.dummy(costClass);
    }
}
