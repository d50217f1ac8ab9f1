package io.zauth.ratelimit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a throwaway redis-server and points the rate limiter at it. Without redis-server (and
 * outside CI) the suite is skipped: {@code redis.test.available} tells it so.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String AVAILABLE = "redis.test.available";

    private ThrowawayRedis redis;

    @Override
    public Map<String, String> start() {
        if (!ThrowawayRedis.available() && !ThrowawayRedis.required()) {
            return Map.of(AVAILABLE, "false");
        }
        redis = ThrowawayRedis.start();
        return Map.of(AVAILABLE, "true", "zauth.rate-limit.store", "redis", "quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
    }
}
