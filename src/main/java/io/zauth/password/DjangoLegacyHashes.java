package io.zauth.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's pre-Argon2 hashers, verify-only: {@code pbkdf2_sha256$iter$salt$b64},
 * {@code pbkdf2_sha1$iter$salt$b64}, and the salted {@code sha1$salt$hex} / {@code md5$salt$hex}
 * of Zulip's development settings. A match always asks for a rehash.
 */
final class DjangoLegacyHashes {

    /**
     * Django 6.2 uses 1,800,000 (5.2: 1,000,000); past this cap, about a tenth above, a stored hash
     * is a denial of service (one login holding a core for seconds), not a password.
     */
    static final int MAX_PBKDF2_ITERATIONS = 2_000_000;

    private DjangoLegacyHashes() {}

    /**
     * What sets the cost of verifying the hash ({@code pbkdf2_sha256$1000000}, {@code sha1}, …), or
     * empty when it is not one {@link #verify} computes: malformed, unknown, or above the cap.
     */
    static Optional<String> costClass(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        return switch (parts[0]) {
            case "pbkdf2_sha256", "pbkdf2_sha1" -> parts.length == 4 && pbkdf2Iterations(parts) > 0
                    ? Optional.of(parts[0] + "$" + parts[1]) : Optional.empty();
            case "sha1", "md5" -> parts.length == 3 ? Optional.of(parts[0]) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Whether the hash is PBKDF2 with more iterations than the cap. */
    static boolean exceedsCaps(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        return parts[0].startsWith("pbkdf2_") && parts.length == 4 && parts[1].matches("\\d{1,10}")
                && Long.parseLong(parts[1]) > MAX_PBKDF2_ITERATIONS;
    }

    /** A hash {@link #verify} computes in full and refuses: what a verification of the class costs. */
    static String dummy(String costClass) {
        return switch (costClass) {
            case "sha1" -> "sha1$zauth$" + "0".repeat(40);
            case "md5" -> "md5$zauth$" + "0".repeat(32);
            default -> costClass + "$zauthdummysalt$"
                    + Base64.getEncoder().encodeToString(new byte[costClass.startsWith("pbkdf2_sha1$") ? 20 : 32]);
        };
    }

    static boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        try {
            return switch (parts[0]) {
                case "pbkdf2_sha256" -> parts.length == 4 && pbkdf2(password, parts, "PBKDF2WithHmacSHA256", 32);
                case "pbkdf2_sha1" -> parts.length == 4 && pbkdf2(password, parts, "PBKDF2WithHmacSHA1", 20);
                case "sha1" -> parts.length == 3 && saltedDigest(password, parts, "SHA-1");
                case "md5" -> parts.length == 3 && saltedDigest(password, parts, "MD5");
                default -> false;
            };
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return false;
        }
    }

    private static boolean pbkdf2(String password, String[] parts, String algorithm, int length)
            throws GeneralSecurityException {
        int iterations = pbkdf2Iterations(parts);
        if (iterations < 1) {
            return false;
        }
        byte[] expected = canonicalBase64(parts[3]);
        // The JDK's PBKDF2 encodes the password characters as UTF-8, as Django does.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8), iterations, length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } finally {
            spec.clearPassword();
        }
    }

    /** The iteration count of a split PBKDF2 hash, or 0 when it is malformed or above the cap. */
    private static int pbkdf2Iterations(String[] parts) {
        if (!parts[1].matches("\\d{1,8}") || parts[2].isEmpty()) {
            return 0;
        }
        int iterations = Integer.parseInt(parts[1]);
        return iterations <= MAX_PBKDF2_ITERATIONS ? iterations : 0;
    }

    /** Django compares encoded strings, so a hash stored without its padding must not match either. */
    private static byte[] canonicalBase64(String encoded) {
        byte[] decoded = Base64.getDecoder().decode(encoded);
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return decoded;
    }

    private static boolean saltedDigest(String password, String[] parts, String algorithm) throws NoSuchAlgorithmException {
        byte[] actual = MessageDigest.getInstance(algorithm).digest((parts[1] + password).getBytes(StandardCharsets.UTF_8));
        byte[] expected = HexFormat.of().parseHex(parts[2]);
        return MessageDigest.isEqual(expected, actual);
    }
}
