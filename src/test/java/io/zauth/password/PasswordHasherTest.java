package io.zauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Django's formats (reference §4.5 vectors) and zauth's own Argon2id hashes. */
class PasswordHasherTest {

    static final String PASSWORD = "s3cret-Passw0rd";
    static final List<String> DJANGO_VECTORS = List.of(
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$blmpEmVr5Lcuf2x/C9laicEAC4B30bxntFtodCKWV8U",
            "pbkdf2_sha256$260000$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=",
            "pbkdf2_sha256$600000$abcdefghijklmnopqrstuv$s+SRktx4LMdX45z/WsJbbEm5dqMqAhBn9/MxBIJI7Ro=",
            "pbkdf2_sha256$720000$abcdefghijklmnopqrstuv$YgV3INQLkmfRlTrnbsWqPVbwW/oPhoXUu/CLrsNZjJk=",
            "pbkdf2_sha256$870000$abcdefghijklmnopqrstuv$RxZkz2UcDBPAb7mn7tgyghttP90w5ol73jpu03mkRAk=",
            "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$+xh19XWGwpDRbECJzrbjty0CpGDg9IU1S4dT9rXdImw=");

    static PasswordHasher hasher(int memoryKib, int iterations, int parallelism) {
        return new PasswordHasher(() -> new PasswordHashingConfig.Argon2() {
            public int memoryKib() {
                return memoryKib;
            }

            public int iterations() {
                return iterations;
            }

            public int parallelism() {
                return parallelism;
            }
        });
    }

    final PasswordHasher hasher = hasher(19456, 2, 1);

    @Test
    void djangoVectorsVerifyAndAskForARehash() {
        for (String vector : DJANGO_VECTORS) {
            assertEquals(new PasswordHasher.Verification(true, true), hasher.verify(PASSWORD, vector), vector);
            assertFalse(hasher.verify("s3cret-Passw0rD", vector).matches(), vector);
        }
    }

    @Test
    void olderDjangoAlgorithmsVerify() throws Exception {
        String salt = "abcdefghijkl";
        PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 1000, 160);
        String sha1Pbkdf2 = "pbkdf2_sha1$1000$" + salt + "$" + Base64.getEncoder().encodeToString(
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded());
        String sha1 = "sha1$" + salt + "$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest((salt + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        String md5 = "md5$" + salt + "$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest((salt + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        String argon2i = "argon2" + Argon2Factory.createAdvanced(Argon2Types.ARGON2i).hashAdvanced(2, 512, 2,
                PASSWORD.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8), 16, Argon2Version.V13).getEncoded();
        for (String hash : List.of(sha1Pbkdf2, sha1, md5, argon2i)) {
            assertEquals(new PasswordHasher.Verification(true, true), hasher.verify(PASSWORD, hash), hash);
            assertFalse(hasher.verify("wrong", hash).matches(), hash);
        }
    }

    @Test
    void newHashesAreCurrentArgon2idUntilTheParametersChange() {
        String hash = hasher.hash(PASSWORD);
        assertTrue(hash.startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertEquals(new PasswordHasher.Verification(true, false), hasher.verify(PASSWORD, hash));
        assertEquals(new PasswordHasher.Verification(true, true), hasher(8192, 3, 1).verify(PASSWORD, hash));
        assertFalse(hasher.verify(PASSWORD + "x", hash).matches());
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        String password = "pässwörd✓ 密码";
        assertTrue(hasher.verify(password, hasher.hash(password)).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!unusable0123456789", "garbage", "argon2$", "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJj",
            "argon2$argon2id$v=19$m=99999999,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=0,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2d$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "pbkdf2_sha256$99999999999$salt$AAAA", "pbkdf2_sha256$0$salt$AAAA", "pbkdf2_sha256$1000$salt$not-base64!",
            "pbkdf2_sha256$1000$$AAAA", "sha1$salt$zz", "md5$$", "bcrypt$whatever"})
    void unusableOrMalformedHashesNeverMatchAndNeverThrow(String hash) {
        assertFalse(hasher.verify(PASSWORD, hash).matches());
    }

    @Test
    void anEmptyPasswordNeverMatchesAndCannotBeHashed() {
        assertFalse(hasher.verify("", hasher.hash(PASSWORD)).matches());
        assertFalse(hasher.verify(null, DJANGO_VECTORS.get(2)).matches());
        assertFalse(hasher.verify(PASSWORD, null).matches());
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
    }

    @Test
    void theDummyVerificationRunsWithoutFailing() {
        hasher.verifyDummy(PASSWORD);
        hasher.verifyDummy("");
    }
}
