package io.zauth.password;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The names {@code zauth.password-hashing.max-concurrent} and {@code max-wait} had in the previous
 * release. Mapped so that a configuration that still sets them starts; their values reach the new
 * names through config.RenamedProperties, which also warns. Removed in the next release.
 */
@Deprecated(forRemoval = true)
@ConfigMapping(prefix = "zauth.hashing")
public interface FormerHashingConfig {

    /** Now {@code zauth.password-hashing.max-concurrent}. */
    OptionalInt maxConcurrent();

    /** Now {@code zauth.password-hashing.max-wait}. */
    Optional<Duration> maxWait();
}
