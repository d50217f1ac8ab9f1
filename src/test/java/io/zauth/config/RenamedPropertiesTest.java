package io.zauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zauth.password.PasswordHashingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A configuration written for the previous release keeps working, with a warning. */
class RenamedPropertiesTest {

    static SmallRyeConfig configOf(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(PasswordHashingConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withInterceptors(new RenamedProperties())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void theOldHashingNamesStillSetTheHashingBounds() {
        SmallRyeConfig config = configOf(Map.of("zauth.hashing.max-concurrent", "3", "zauth.hashing.max-wait", "7s"));
        PasswordHashingConfig hashing = config.getConfigMapping(PasswordHashingConfig.class);
        assertEquals(3, hashing.maxConcurrent().getAsInt());
        assertEquals(Duration.ofSeconds(7), hashing.maxWait());
        assertEquals(List.of("zauth.hashing.max-concurrent (now zauth.password-hashing.max-concurrent)",
                "zauth.hashing.max-wait (now zauth.password-hashing.max-wait)"), RenamedProperties.oldNamesInUse(config));
    }

    @Test
    void theNewNameWinsAndNeedsNoWarning() {
        SmallRyeConfig config = configOf(Map.of("zauth.password-hashing.max-wait", "5s", "zauth.hashing.max-wait", "7s"));
        assertEquals(Duration.ofSeconds(5), config.getConfigMapping(PasswordHashingConfig.class).maxWait());
        assertEquals(List.of(), RenamedProperties.oldNamesInUse(configOf(Map.of("zauth.password-hashing.max-wait", "5s"))));
    }

    @Test
    void everyStartReadsTheOldNames() {
        assertTrue(ServiceLoader.load(ConfigSourceInterceptor.class).stream()
                .anyMatch(provider -> provider.type() == RenamedProperties.class));
    }
}
