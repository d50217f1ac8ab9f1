package io.zauth.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The digest and the sealed key are useless without the secrets that made them. */
class ApiKeyProtectionTest {

    final KeySecrets secrets = KeySecrets.generate();
    final ApiKeyProtection protection = new ApiKeyProtection(secrets);
    final String key = ApiKeys.generate();

    @Test
    void aSealedKeyOpensWithTheSameSecrets() {
        String sealed = protection.seal(key);
        assertEquals(Optional.of(key), protection.open(sealed));
        assertEquals(Optional.of(key), new ApiKeyProtection(new KeySecrets(secrets.digestKey(), secrets.encryptionKey())).open(sealed));
        assertFalse(sealed.contains(key));
    }

    @Test
    void aSealedKeyDoesNotOpenWithAnotherEncryptionKey() {
        String sealed = protection.seal(key);
        ApiKeyProtection otherEncryption = new ApiKeyProtection(new KeySecrets(secrets.digestKey(), KeySecrets.generate().encryptionKey()));
        assertEquals(Optional.empty(), otherEncryption.open(sealed));
        assertEquals(Optional.empty(), new ApiKeyProtection(KeySecrets.generate()).open(sealed));
    }

    @Test
    void sealingTwiceUsesFreshNoncesSoEqualKeysDoNotShowAsEqual() {
        String first = protection.seal(key);
        String second = protection.seal(key);
        assertNotEquals(first, second);
        assertEquals(12 + 32 + 16, Base64.getDecoder().decode(first).length);
    }

    @Test
    void anAlteredSealedValueDoesNotOpen() {
        byte[] raw = Base64.getDecoder().decode(protection.seal(key));
        raw[raw.length - 1] ^= 1;
        assertEquals(Optional.empty(), protection.open(Base64.getEncoder().encodeToString(raw)));
        assertEquals(Optional.empty(), protection.open("not base64 !"));
        assertEquals(Optional.empty(), protection.open(""));
        assertEquals(Optional.empty(), protection.open(null));
    }

    @Test
    void theDigestIsStableAndDependsOnTheDigestKey() {
        assertEquals(protection.digest(key), protection.digest(key));
        assertTrue(protection.digest(key).matches("[0-9a-f]{64}"));
        assertNotEquals(protection.digest(key), new ApiKeyProtection(KeySecrets.generate()).digest(key));
        assertNotEquals(protection.digest(key), protection.digest(ApiKeys.generate()));
    }

    @Test
    void keysCompareEqualOnlyWhenIdentical() {
        assertTrue(ApiKeyProtection.sameKey(key, new String(key)));
        assertFalse(ApiKeyProtection.sameKey(key, key.substring(1) + "x"));
        assertFalse(ApiKeyProtection.sameKey(null, key));
        assertFalse(ApiKeyProtection.sameKey(key, null));
    }

    @Test
    void secretsNeverShowInToString() {
        String shown = secrets.toString();
        assertFalse(shown.contains(Base64.getEncoder().encodeToString(secrets.digestKey())));
        assertFalse(shown.contains(Base64.getEncoder().encodeToString(secrets.encryptionKey())));
    }
}
