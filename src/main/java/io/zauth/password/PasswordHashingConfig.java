package io.zauth.password;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Password hashing: the parameters of new hashes (stored hashes are verified with their own) and
 * the bound on hashes computed at once, since each Argon2 computation holds its memory while it runs.
 */
@ConfigMapping(prefix = "zauth.password-hashing")
public interface PasswordHashingConfig {

    /**
     * Computations at once; default the number of cores (more only adds memory and waiting).
     * Formerly {@code zauth.hashing.max-concurrent}, still read with a warning.
     */
    OptionalInt maxConcurrent();

    /**
     * How long a request waits for its turn before it gets 503 with Retry-After. Formerly
     * {@code zauth.hashing.max-wait}, still read with a warning.
     */
    @WithDefault("2s")
    Duration maxWait();

    /** Argon2id, the algorithm of every new hash. */
    Argon2 argon2();

    interface Argon2 {
        /** Memory per hash in KiB (OWASP minimum: 19456, i.e. 19 MiB). */
        @WithDefault("19456")
        int memoryKib();

        /** Passes over the memory (OWASP minimum at 19 MiB: 2). */
        @WithDefault("2")
        int iterations();

        /** Lanes computed in parallel (OWASP: 1). */
        @WithDefault("1")
        int parallelism();
    }
}
