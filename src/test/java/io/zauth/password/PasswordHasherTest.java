package io.zauth.password;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zauth.password.PasswordHasher.Verification;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Django's formats, pinned by hashes Django produced, and zauth's own Argon2id hashes. */
class PasswordHasherTest {

    static final String PASSWORD = "s3cret-Passw0rd";
    static final String WRONG_PASSWORD = "s3cret-Passw0rD";
    static final String SALT = "abcdefghijklmnopqrstuv";
    static final Verification MATCH_NEEDS_REHASH = new Verification(true, true);

    /** Django's Argon2PasswordHasher (hash lengths 16 and 32) for PASSWORD with SALT. */
    static final List<String> DJANGO_ARGON2ID = List.of(
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$blmpEmVr5Lcuf2x/C9laicEAC4B30bxntFtodCKWV8U");

    /** Django's PBKDF2PasswordHasher at the iteration counts of Django 3.2, 4.2, 5.0, 5.1 and 5.2. */
    static final List<String> DJANGO_PBKDF2_SHA256 = List.of(
            "pbkdf2_sha256$260000$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=",
            "pbkdf2_sha256$600000$abcdefghijklmnopqrstuv$s+SRktx4LMdX45z/WsJbbEm5dqMqAhBn9/MxBIJI7Ro=",
            "pbkdf2_sha256$720000$abcdefghijklmnopqrstuv$YgV3INQLkmfRlTrnbsWqPVbwW/oPhoXUu/CLrsNZjJk=",
            "pbkdf2_sha256$870000$abcdefghijklmnopqrstuv$RxZkz2UcDBPAb7mn7tgyghttP90w5ol73jpu03mkRAk=",
            "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$+xh19XWGwpDRbECJzrbjty0CpGDg9IU1S4dT9rXdImw=");

    static final Pattern CURRENT_FORMAT = Pattern.compile(
            "argon2\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");

    final PasswordHasher hasher = hasher(19456, 2, 1);

    static PasswordHasher hasher(int memoryKib, int iterations, int parallelism) {
        return new PasswordHasher(new SmallRyeConfigBuilder().withMapping(PasswordHashingConfig.class)
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new io.smallrye.config.PropertiesConfigSource(java.util.Map.of(
                        "zauth.password-hashing.argon2.memory-kib", Integer.toString(memoryKib),
                        "zauth.password-hashing.argon2.iterations", Integer.toString(iterations),
                        "zauth.password-hashing.argon2.parallelism", Integer.toString(parallelism)), "test", 100))
                .build().getConfigMapping(PasswordHashingConfig.class));
    }

    @Test
    void djangoArgon2idVectorsVerifyAndAskForRehash() {
        assertVerifiesAndAsksForRehash(DJANGO_ARGON2ID);
    }

    @Test
    void djangoPbkdf2Sha256VectorsVerifyAndAskForRehash() {
        assertVerifiesAndAsksForRehash(DJANGO_PBKDF2_SHA256);
    }

    @Test
    void olderDjangoFormatsVerifyAndAskForRehash() throws Exception {
        assertVerifiesAndAsksForRehash(List.of(
                argon2(Argon2Types.ARGON2i, Argon2Version.V13, 512, 2, 2),
                argon2(Argon2Types.ARGON2i, Argon2Version.V10, 512, 2, 2).replace("$v=16$", "$"),
                argon2(Argon2Types.ARGON2id, Argon2Version.V10, 19456, 2, 1),
                pbkdf2("pbkdf2_sha1", "PBKDF2WithHmacSHA1", 20, 1000),
                salted("sha1", "SHA-1"),
                salted("md5", "MD5")));
    }

    /** Computed with Python's hashlib, which Django's hashers call on the UTF-8 bytes of the password. */
    @Test
    void nonAsciiPasswordsAreHashedAsUtf8LikeDjango() {
        for (String hash : List.of("pbkdf2_sha256$1000$saltsaltsalt$Gf8HRfIRDHwDKVINHXZlmxDmLC+JjPvaXWWuotlpS8c=",
                "sha1$saltsaltsalt$fb3f606709a43df1761ef4f5d939a6e55f2f1ae7")) {
            assertEquals(MATCH_NEEDS_REHASH, hasher.verify("pässwörd✓", hash), hash);
        }
    }

    @Test
    void newHashesAreCurrentArgon2idInDjangoEncoding() {
        String hash = hasher.hash(PASSWORD);
        Matcher parts = CURRENT_FORMAT.matcher(hash);
        assertTrue(parts.matches(), hash);
        assertEquals(16, Base64.getDecoder().decode(parts.group(1)).length);
        assertEquals(32, Base64.getDecoder().decode(parts.group(2)).length);
        assertEquals(new Verification(true, false), hasher.verify(PASSWORD, hash));
        assertFalse(hasher.verify(WRONG_PASSWORD, hash).matches());
    }

    @Test
    void newHashesAreSaltedAfresh() {
        assertNotEquals(hasher.hash(PASSWORD), hasher.hash(PASSWORD));
    }

    @ParameterizedTest
    @CsvSource({"8192,2,1", "19456,3,1", "19456,2,2"})
    void changedParametersAskForRehash(int memoryKib, int iterations, int parallelism) {
        String hash = hasher.hash(PASSWORD);
        assertEquals(MATCH_NEEDS_REHASH, hasher(memoryKib, iterations, parallelism).verify(PASSWORD, hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pässwörd✓", "密码 with spaces", "emoji 🔐 beyond the BMP", " leading and trailing "})
    void nonAsciiPasswordsRoundTrip(String password) {
        assertEquals(new Verification(true, false), hasher.verify(password, hasher.hash(password)));
        assertFalse(hasher.verify(password.strip() + "x", hasher.hash(password)).matches());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!", "!unusable0123456789abcdefghijklmnopqrstuv", "garbage", "argon2", "argon2$", "$argon2id$",
            "!argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJj",
            "argon2$argon2id$v=19$m=4194305,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=99999999,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=1048577,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=0,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=999,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=-2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=8,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=20$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2d$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2i$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg==$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=64,t=1,p=1$YWJjZGVmZ2hpa$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA$extra",
            "pbkdf2_sha256$99999999999$salt$AAAA", "pbkdf2_sha256$10000001$salt$AAAA", "pbkdf2_sha256$0$salt$AAAA",
            "pbkdf2_sha256$-1$salt$AAAA", "pbkdf2_sha256$1000$salt$not-base64!", "pbkdf2_sha256$1000$$AAAA",
            "pbkdf2_sha256$1000$salt", "pbkdf2_sha256$1000$salt$AAAA$AAAA", "pbkdf2_sha512$1000$salt$AAAA",
            "sha1$salt$zz", "sha1$salt$", "sha1$salt$abc", "md5$$", "md5", "bcrypt$whatever", "unsalted_md5$$abc"})
    void unusableOrMalformedHashesNeverMatchAndNeverThrow(String hash) {
        assertEquals(Verification.NO_MATCH, hasher.verify(PASSWORD, hash));
    }

    @Test
    void everyTruncationOfAValidHashNeverMatches() throws Exception {
        for (String hash : List.of(argon2(Argon2Types.ARGON2id, Argon2Version.V13, 64, 1, 1),
                pbkdf2("pbkdf2_sha256", "PBKDF2WithHmacSHA256", 32, 1000), salted("md5", "MD5"))) {
            Stream<String> heads = IntStream.range(0, hash.length()).mapToObj(end -> hash.substring(0, end));
            Stream<String> tails = IntStream.range(1, hash.length()).mapToObj(hash::substring);
            assertAll(Stream.concat(heads, tails)
                    .map(truncated -> () -> assertFalse(hasher.verify(PASSWORD, truncated).matches(), truncated)));
            assertTrue(hasher.verify(PASSWORD, hash).matches());
        }
    }

    @Test
    void anEmptyPasswordNeverMatchesAndCannotBeHashed() {
        String hash = hasher.hash(PASSWORD);
        assertEquals(Verification.NO_MATCH, hasher.verify("", hash));
        assertEquals(Verification.NO_MATCH, hasher.verify(null, hash));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(null));
    }

    @ParameterizedTest
    @CsvSource({"131073,1,1", "7,1,1", "19456,0,1", "65536,5,1", "19456,2,0", "19456,2,9"})
    void parametersWhoseHashesVerifyWouldRefuseAreRejectedUpFront(int memoryKib, int iterations, int parallelism) {
        assertThrows(IllegalArgumentException.class, () -> hasher(memoryKib, iterations, parallelism));
    }

    @Test
    void aDummyOfEachClassIsComputedAsItsClassAndNeverMatches() throws Exception {
        List<String> stored = List.of(hasher.hash(PASSWORD), argon2(Argon2Types.ARGON2i, Argon2Version.V10, 512, 2, 2).replace("$v=16$", "$"), pbkdf2("pbkdf2_sha256", "PBKDF2WithHmacSHA256", 32, 1000),
                pbkdf2("pbkdf2_sha1", "PBKDF2WithHmacSHA1", 20, 1000), "sha1$salt$" + "ab".repeat(20), "md5$salt$" + "ab".repeat(16));
        for (String hash : stored) {
            String hashClass = PasswordHasher.costClass(hash).orElseThrow(() -> new AssertionError(hash));
            String dummy = hasher.dummy(hashClass);
            assertEquals(Optional.of(hashClass), PasswordHasher.costClass(dummy), dummy);
            assertEquals(Verification.NO_MATCH, hasher.verify(PASSWORD, dummy), dummy);
        }
        assertEquals(PasswordHasher.costClass(hasher.hash(PASSWORD)), Optional.of(hasher.currentCostClass()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "argon2$argon2id$v=19$m=1048576,t=64,p=64$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=131073,t=1,p=1$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=65536,t=5,p=1$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "argon2$argon2id$v=19$m=102400,t=2,p=9$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA",
            "pbkdf2_sha256$2000001$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=",
            "pbkdf2_sha1$9999999999$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2Q="})
    void hashesAboveTheCapsAreNeverComputed(String hash) {
        assertTrue(PasswordHasher.exceedsCaps(hash), hash);
        assertEquals(Optional.empty(), PasswordHasher.costClass(hash));
        assertEquals(Verification.NO_MATCH, hasher.verify(PASSWORD, hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"argon2$argon2id$v=19$m=102400,t=2,p=8", "argon2$argon2i$m=512,t=2,p=2", "argon2$argon2id$v=19$m=131072,t=2,p=8",
            "argon2$argon2id$v=19$m=7168,t=5,p=1", "pbkdf2_sha256$1800000", "pbkdf2_sha256$2000000"})
    void theCapsAdmitDjangosAndOwaspsParameters(String hashClass) {
        String hash = hasher.dummy(hashClass);
        assertFalse(PasswordHasher.exceedsCaps(hash), hash);
        assertEquals(Optional.of(hashClass), PasswordHasher.costClass(hash));
    }

    private void assertVerifiesAndAsksForRehash(List<String> hashes) {
        for (String hash : hashes) {
            assertEquals(MATCH_NEEDS_REHASH, hasher.verify(PASSWORD, hash), hash);
            assertEquals(Verification.NO_MATCH, hasher.verify(WRONG_PASSWORD, hash), hash);
        }
    }

    /** Django's own encoding: its {@code argon2} prefix in front of libargon2's. */
    private static String argon2(Argon2Types type, Argon2Version version, int memoryKib, int iterations, int parallelism) {
        return "argon2" + Argon2Factory.createAdvanced(type).hashAdvanced(iterations, memoryKib, parallelism,
                PASSWORD.getBytes(UTF_8), SALT.getBytes(UTF_8), 16, version).getEncoded();
    }

    private static String pbkdf2(String algorithm, String jdkAlgorithm, int length, int iterations) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), SALT.getBytes(UTF_8), iterations, length * 8);
        byte[] derived = SecretKeyFactory.getInstance(jdkAlgorithm).generateSecret(spec).getEncoded();
        return algorithm + "$" + iterations + "$" + SALT + "$" + Base64.getEncoder().encodeToString(derived);
    }

    private static String salted(String algorithm, String digest) throws Exception {
        byte[] hash = MessageDigest.getInstance(digest).digest((SALT + PASSWORD).getBytes(UTF_8));
        return algorithm + "$" + SALT + "$" + HexFormat.of().formatHex(hash);
    }
}
