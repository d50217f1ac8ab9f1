package io.zauth.password;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of an encoded Argon2 hash ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, the part
 * after Django's {@code argon2} prefix), read before any work so absurd costs are refused.
 */
record Argon2Hash(String variant, int memoryKib, int iterations, int parallelism, String encoded) {

    /** Django's own default is 100 MiB; a stored hash asking for more than 1 GiB is not honoured. */
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$(argon2id|argon2i)\\$(?:v=(?:16|19)\\$)?m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$[A-Za-z0-9+/]{11,}\\$[A-Za-z0-9+/]{16,}");

    static Optional<Argon2Hash> parse(String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        Argon2Hash hash = new Argon2Hash(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), encoded);
        return hash.withinLimits() ? Optional.of(hash) : Optional.empty();
    }

    private boolean withinLimits() {
        return memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && parallelism >= 1 && parallelism <= MAX_PARALLELISM;
    }

    boolean isCurrent(PasswordHashingConfig.Argon2 current) {
        return variant.equals("argon2id") && memoryKib == current.memoryKib()
                && iterations == current.iterations() && parallelism == current.parallelism();
    }
}
