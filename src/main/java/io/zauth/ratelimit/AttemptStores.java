package io.zauth.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The configured attempt store; Redis is connected only when it is chosen. */
@ApplicationScoped
class AttemptStores {

    @Produces
    @ApplicationScoped
    AttemptStore store(RateLimitConfig config, ResetLedger ledger, Instance<RedisDataSource> redis) {
        return switch (config.store()) {
            case MEMORY -> new MemoryAttemptStore(ledger, System::currentTimeMillis);
            case REDIS -> new RedisAttemptStore(redis.get());
        };
    }
}
