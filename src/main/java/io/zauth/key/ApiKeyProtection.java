package io.zauth.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an API key is stored: a keyed digest (HMAC-SHA-256) to find its user, and the key sealed
 * with AES-256-GCM (random 96-bit nonce) so that fetch_api_key can return it again. Without the
 * secrets neither value gives the key nor is accepted as one.
 */
public final class ApiKeyProtection {

    private static final String MAC = "HmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds a sealed value to its purpose: it opens as an API key and nothing else. */
    private static final byte[] ASSOCIATED_DATA = "zauth api key v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec digestKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * Every API call digests its key: one keyed MAC per thread, which doFinal leaves ready for
     * the next, saves looking the algorithm up and keying it each time.
     */
    private final ThreadLocal<Mac> macs;

    public ApiKeyProtection(KeySecrets secrets) {
        this.digestKey = new SecretKeySpec(secrets.digestKey(), MAC);
        this.encryptionKey = new SecretKeySpec(secrets.encryptionKey(), "AES");
        this.macs = ThreadLocal.withInitial(this::keyedMac);
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(digestKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    /** The look-up value stored for a key: 64 hex characters. */
    public String digest(String apiKey) {
        return HexFormat.of().formatHex(macs.get().doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key sealed for storage: base64 of nonce, ciphertext and tag; a fresh nonce each time. */
    public String seal(String apiKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The key inside a sealed value; empty when it was sealed with another key or altered. */
    public Optional<String> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed);
            if (raw.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] key = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return Optional.of(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Compares a stored key with a presented one in time independent of where they differ. */
    public static boolean sameKey(String stored, String presented) {
        return stored != null && presented != null && MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
