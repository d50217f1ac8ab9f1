package io.zauth.key;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two server secrets that protect API keys at rest: one keys the look-up digest, the other
 * seals the key. Each is 32 random bytes, written as base64 in configuration.
 */
public record KeySecrets(byte[] digestKey, byte[] encryptionKey) {

    public static final String DIGEST_PROPERTY = "zauth.secrets.api-key-digest-key";
    public static final String ENCRYPTION_PROPERTY = "zauth.secrets.api-key-encryption-key";
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    public KeySecrets {
        if (digestKey.length != LENGTH || encryptionKey.length != LENGTH) {
            throw new IllegalArgumentException("each API key secret must be " + LENGTH + " bytes");
        }
        digestKey = digestKey.clone();
        encryptionKey = encryptionKey.clone();
    }

    public static KeySecrets generate() {
        byte[] digest = new byte[LENGTH];
        byte[] encryption = new byte[LENGTH];
        RANDOM.nextBytes(digest);
        RANDOM.nextBytes(encryption);
        return new KeySecrets(digest, encryption);
    }

    /** Both secrets as configuration lines, as {@code zauth secrets generate} prints them. */
    public String toProperties() {
        Base64.Encoder base64 = Base64.getEncoder();
        return DIGEST_PROPERTY + "=" + base64.encodeToString(digestKey) + "\n"
                + ENCRYPTION_PROPERTY + "=" + base64.encodeToString(encryptionKey) + "\n";
    }

    @Override
    public byte[] digestKey() {
        return digestKey.clone();
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public String toString() {
        return "KeySecrets[hidden]";
    }
}
