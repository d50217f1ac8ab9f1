package io.zauth.password;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2 hash in libargon2's encoding ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, the part of
 * Django's format after its {@code argon2} prefix). The parameters are read before any work, so
 * a stored hash cannot make a login allocate gigabytes or loop for minutes.
 */
record Argon2Hash(Argon2Types type, int version, int memoryKib, int iterations, int parallelism, String encoded) {

    /*
     * The caps admit Django's default (m=102400 t=2 p=8), its older argon2i (m=512 t=2 p=2) and
     * OWASP's parameter sets, with about a quarter of headroom; past them a stored hash is a denial
     * of service (one login taking a gigabyte and dozens of threads), not a password.
     */
    /** 128 MiB. */
    static final int MAX_MEMORY_KIB = 131_072;
    /** Django's lanes; each is a native thread while the hash runs. */
    static final int MAX_PARALLELISM = 8;
    /** Memory times passes, the work of one verification: 256 MiB·passes (Django's default is 200). */
    static final long MAX_WORK_KIB = 262_144;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Argon2Advanced ARGON2ID = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
    private static final Argon2Advanced ARGON2I = Argon2Factory.createAdvanced(Argon2Types.ARGON2i);

    // Without "v=" the hash predates Argon2 1.3 (Django's oldest argon2 hashes); libargon2 reads it as v=16.
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i)\\$(?:v=(16|19)\\$)?m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$[A-Za-z0-9+/]{11,}\\$[A-Za-z0-9+/]{16,}");

    static Argon2Hash create(String password, PasswordHashingConfig.Argon2 params) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String encoded = ARGON2ID.hashAdvanced(params.iterations(), params.memoryKib(), params.parallelism(),
                password.getBytes(StandardCharsets.UTF_8), salt, HASH_BYTES, Argon2Version.V13).getEncoded();
        return new Argon2Hash(Argon2Types.ARGON2id, 19, params.memoryKib(), params.iterations(), params.parallelism(), encoded);
    }

    static Optional<Argon2Hash> parse(String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Argon2Hash(m.group(1).equals("id") ? Argon2Types.ARGON2id : Argon2Types.ARGON2i,
                m.group(2) == null ? 16 : Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), encoded));
    }

    /** Whether the parameters are within the caps; libargon2 itself needs at least 8 KiB per lane. */
    static boolean withinCaps(int memoryKib, int iterations, int parallelism) {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB
                && iterations >= 1 && (long) memoryKib * iterations <= MAX_WORK_KIB;
    }

    boolean withinCaps() {
        return withinCaps(memoryKib, iterations, parallelism);
    }

    /**
     * What sets the cost of verifying this hash: the Django prefix up to the parameters, e.g.
     * {@code argon2$argon2id$v=19$m=102400,t=2,p=8} ({@code v=} only when the hash has it).
     */
    String costClass() {
        int salt = encoded.indexOf('$', encoded.indexOf("$m=") + 1);
        return PasswordHasher.PREFIX + encoded.substring(0, salt);
    }

    /** libargon2 compares in constant time and answers false, never throws, on a hash it cannot decode. */
    boolean matches(String password) {
        Argon2Advanced engine = type == Argon2Types.ARGON2id ? ARGON2ID : ARGON2I;
        return engine.verify(encoded, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@link #create} with these parameters would produce the same kind of hash. */
    boolean isCurrent(PasswordHashingConfig.Argon2 params) {
        return type == Argon2Types.ARGON2id && version == 19 && memoryKib == params.memoryKib()
                && iterations == params.iterations() && parallelism == params.parallelism();
    }
}
