package io.zauth.password;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parameters of new password hashes; stored hashes are verified with their own. */
@ConfigMapping(prefix = "zauth.password-hashing")
public interface PasswordHashingConfig {

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
