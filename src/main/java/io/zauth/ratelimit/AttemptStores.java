package io.zauth.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
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

    /** When serving: a command of the command line starts no HTTP server and may never need the store. */
    void prepare(@ObservesAsync HttpServerStart event, AttemptStore store) {
        store.prepare();
    }
}
