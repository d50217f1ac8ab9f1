package io.zauth.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Attempts counted in Redis, shared by every instance. Each acquisition is one Lua script, so the
 * look and the record are atomic across instances, and times come from the Redis server's clock
 * so that instances with skewed clocks agree. A bucket is a list of {@code <millis>:<id>} entries,
 * newest first, trimmed to the limit and expiring with its window. The script is sent once and
 * then named by its SHA-1 (EVALSHA); it takes any number of buckets, so the address and the
 * identity of a login are looked at and recorded in one round trip.
 */
final class RedisAttemptStore implements AttemptStore {

    static final String PREFIX = "zauth:ratelimit:";

    /**
     * KEYS: the buckets, in the order they are looked at; ARGV: each bucket's attempts and window
     * in milliseconds, then the attempt's id. A full bucket refuses and nothing is recorded:
     * {@code {index of the full bucket, millis until it admits}}. Otherwise the attempt is recorded
     * in every bucket: {@code {0, then for each bucket: remaining, millis until its oldest leaves, entry}}.
     */
    static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local looks = {}
            for i, key in ipairs(KEYS) do
              local max, window = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
              local live, oldest = 0, nil
              for _, e in ipairs(redis.call('LRANGE', key, 0, max - 1)) do
                local at = tonumber(string.match(e, '^(%d+):'))
                if at > now - window then live = live + 1; oldest = at end
              end
              if live >= max then
                return {i, oldest + window - now}
              end
              looks[i] = {max, window, live, oldest}
            end
            local entry = now .. ':' .. ARGV[2 * #KEYS + 1]
            local answer = {0}
            for i, key in ipairs(KEYS) do
              local max, window, live, oldest = looks[i][1], looks[i][2], looks[i][3], looks[i][4]
              redis.call('LPUSH', key, entry)
              redis.call('LTRIM', key, 0, max - 1)
              redis.call('PEXPIRE', key, window)
              table.insert(answer, max - live - 1)
              table.insert(answer, (oldest or now) + window - now)
              table.insert(answer, entry)
            end
            return answer
            """;

    static final String ACQUIRE_SHA1 = sha1(ACQUIRE);

    private static final Logger LOG = Logger.getLogger(RedisAttemptStore.class);

    private final RedisDataSource redis;
    private final SecureRandom random = new SecureRandom();

    RedisAttemptStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Decision acquire(String bucket, Limit limit) {
        Response r = acquireScript(List.of(bucket), List.of(limit));
        if (r.get(0).toInteger() != 0) {
            return new Decision(false, 0, r.get(1).toLong(), null);
        }
        return new Decision(true, r.get(1).toInteger(), r.get(2).toLong(), r.get(3).toString());
    }

    @Override
    public Decisions acquireBoth(String first, Limit firstLimit, String second, Limit secondLimit) {
        Response r = acquireScript(List.of(first, second), List.of(firstLimit, secondLimit));
        int full = r.get(0).toInteger();
        if (full == 1) {
            return new Decisions(new Decision(false, 0, r.get(1).toLong(), null), null);
        }
        if (full == 2) {
            return new Decisions(new Decision(true, firstLimit.attempts(), 0, null),
                    new Decision(false, 0, r.get(1).toLong(), null));
        }
        return new Decisions(new Decision(true, r.get(1).toInteger(), r.get(2).toLong(), r.get(3).toString()),
                new Decision(true, r.get(4).toInteger(), r.get(5).toLong(), r.get(6).toString()));
    }

    private Response acquireScript(List<String> buckets, List<Limit> limits) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(buckets.size()));
        buckets.forEach(bucket -> args.add(PREFIX + bucket));
        for (Limit limit : limits) {
            args.add(Integer.toString(limit.attempts()));
            args.add(Long.toString(limit.window().toMillis()));
        }
        args.add(HexFormat.of().formatHex(id));
        List<String> evalsha = new ArrayList<>(args.size() + 1);
        evalsha.add(ACQUIRE_SHA1);
        evalsha.addAll(args);
        try {
            return redis.execute("EVALSHA", evalsha.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (!unknownScript(e)) {
                throw new RateLimiterUnavailableException(e);
            }
        }
        // This Redis has not seen the script (first call, a restart, SCRIPT FLUSH): EVAL sends and caches it.
        List<String> eval = new ArrayList<>(args.size() + 1);
        eval.add(ACQUIRE);
        eval.addAll(args);
        return call("EVAL", eval.toArray(String[]::new));
    }

    private static boolean unknownScript(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
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

    /**
     * Connects and loads the script while the server starts, so that the first login neither
     * waits for the connection nor sends the script; an unreachable Redis is reported at once.
     */
    @Override
    public void prepare() {
        redis.getReactive().execute("SCRIPT", "LOAD", ACQUIRE).subscribe().with(
                loaded -> {
                },
                failure -> LOG.warnf("Redis is not reachable at start (%s); logins are answered 503 until it is",
                        failure.getClass().getSimpleName()));
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
