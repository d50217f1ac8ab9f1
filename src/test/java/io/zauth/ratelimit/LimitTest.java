package io.zauth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void parsesAndPrintsTheShortForm() {
        assertEquals(new Limit(5, Duration.ofMinutes(30)), Limit.parse("5/30m"));
        assertEquals(new Limit(2, Duration.ofSeconds(10)), Limit.parse(" 2/10s "));
        assertEquals("100/1h", Limit.parse("100/60m").toString());
        assertEquals("7/90s", Limit.parse("7/90s").toString());
    }

    @Test
    void refusesNonsense() {
        for (String bad : new String[] {"5", "5/", "0/1m", "5/0s", "5/25h", "-1/1m", "5/30", "five/30m"}) {
            assertThrows(IllegalArgumentException.class, () -> Limit.parse(bad), bad);
        }
    }

    @Test
    void theDefaultsAreZulipsForUsernamesAndAGenerousOneForAddresses() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RateLimitConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build();
        RateLimitConfig limits = config.getConfigMapping(RateLimitConfig.class);
        assertEquals(Limit.parse("5/30m"), limits.username());
        assertEquals(Limit.parse("100/10m"), limits.address());
        assertEquals(RateLimitConfig.Store.MEMORY, limits.store());
        assertEquals(true, limits.enabled());
    }
}
