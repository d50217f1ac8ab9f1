package io.zauth.password;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parameters of new password hashes (Argon2id); older hashes are verified with their own. */
@ConfigMapping(prefix = "zauth.password-hashing")
public interface PasswordHashingConfig {

    Argon2 argon2();

    interface Argon2 {
        /** Memory per hash in KiB (OWASP: 19456 = 19 MiB). */
        @WithDefault("19456")
        int memoryKib();

        /** Passes over the memory (OWASP: 2). */
        @WithDefault("2")
        int iterations();

        /** Lanes (OWASP: 1). */
        @WithDefault("1")
        int parallelism();
    }
}
