package io.zauth.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's pre-Argon2 hashers, verify-only: {@code pbkdf2_sha256$iter$salt$b64},
 * {@code pbkdf2_sha1$iter$salt$b64}, and the salted {@code sha1$salt$hex} / {@code md5$salt$hex}
 * of Zulip's development settings. A match always asks for a rehash.
 */
final class DjangoLegacyHashes {

    /** Django 5.2 uses 1,000,000; far beyond that a stored hash is a denial of service, not a password. */
    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private DjangoLegacyHashes() {}

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
        if (!parts[1].matches("\\d{1,8}")) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || parts[2].isEmpty()) {
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
