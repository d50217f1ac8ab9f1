package io.zauth.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Attempts counted in Redis, shared by every instance. Each operation is one Lua script, so the
 * look and the record are atomic across instances, and times come from the Redis server's clock
 * so that instances with skewed clocks agree. A bucket is a list of {@code <millis>:<id>} entries,
 * newest first, trimmed to the limit and expiring with its window.
 */
final class RedisAttemptStore implements AttemptStore {

    static final String PREFIX = "zauth:ratelimit:";

    private static final String ACQUIRE = """
            local key, max, window, id = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local live, oldest = 0, nil
            for _, e in ipairs(redis.call('LRANGE', key, 0, max - 1)) do
              local at = tonumber(string.match(e, '^(%d+):'))
              if at > now - window then live = live + 1; oldest = at end
            end
            if live >= max then
              return {0, 0, oldest + window - now, ''}
            end
            local entry = now .. ':' .. id
            redis.call('LPUSH', key, entry)
            redis.call('LTRIM', key, 0, max - 1)
            redis.call('PEXPIRE', key, window)
            return {1, max - live - 1, (oldest or now) + window - now, entry}
            """;

    private static final Logger LOG = Logger.getLogger(RedisAttemptStore.class);

    private final RedisDataSource redis;
    private final SecureRandom random = new SecureRandom();

    RedisAttemptStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Decision acquire(String bucket, Limit limit) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        Response r = call("EVAL", ACQUIRE, "1", PREFIX + bucket, Integer.toString(limit.attempts()),
                Long.toString(limit.window().toMillis()), HexFormat.of().formatHex(id));
        boolean allowed = r.get(0).toInteger() == 1;
        String entry = r.get(3).toString();
        return new Decision(allowed, r.get(1).toInteger(), r.get(2).toLong(), allowed ? entry : null);
    }

    /**
     * Taking an attempt back and clearing after a success come once the answer is decided, so the
     * login does not wait for them: they are sent before the answer and Redis applies them in
     * order, two round trips fewer per login. One that is lost (Redis went away meanwhile) only
     * leaves an attempt counted until its window ends.
     */
    @Override
    public void release(String bucket, String entry) {
        send("LREM", PREFIX + bucket, "1", entry);
    }

    @Override
    public void clear(String bucket) {
        send("DEL", PREFIX + bucket);
    }

    @Override
    public void reset(String bucket) {
        call("DEL", PREFIX + bucket);
    }

    private void send(String command, String... args) {
        redis.getReactive().execute(command, args).subscribe().with(
                done -> {
                },
                failure -> LOG.debugf("Redis %s failed (%s); the attempt stays counted until its window ends",
                        command, failure.getClass().getSimpleName()));
    }

    private Response call(String command, String... args) {
        try {
            return redis.execute(command, args);
        } catch (RuntimeException e) {
            throw new RateLimiterUnavailableException(e);
        }
    }
}
