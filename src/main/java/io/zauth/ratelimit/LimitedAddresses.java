package io.zauth.ratelimit;

import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.ratelimit.AttemptStore.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limit on failures per client address, shared by logins and API-key checks: the bucket an
 * address is counted in, its refusal, and the addresses this process has seen refused, each until
 * the store said an attempt would be admitted again. An attempt from one of those is refused
 * before it costs anything: no call to the shared store, no directory search, no key check.
 * Another instance learns of the limit at the address's next attempt there.
 */
@ApplicationScoped
class LimitedAddresses {

    /** Only limited addresses are remembered; past this many, expired ones are dropped. */
    private static final int REMEMBERED = 10_000;

    private final RateLimitConfig config;
    private final ZauthMetrics metrics;
    private final AddressBuckets buckets;
    private final Map<String, Long> until = new ConcurrentHashMap<>();

    LimitedAddresses(RateLimitConfig config, ZauthMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.buckets = new AddressBuckets(config.ipv6PrefixLength());
    }

    /** The bucket a client address's failures are counted in. */
    String bucketOf(String clientAddress) {
        return buckets.of(clientAddress);
    }

    /** Whether no address is known to be limited: the common case, answered without parsing any address. */
    boolean none() {
        return until.isEmpty();
    }

    /** Refuses with 429 when this process saw the address refused and its window has not freed an attempt. */
    void refuseIfLimited(String addressBucket) {
        if (until.isEmpty()) {
            return;
        }
        Long end = until.get(addressBucket);
        if (end == null) {
            return;
        }
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
            until.remove(addressBucket, end);
            return;
        }
        throw refusal(left);
    }

    /** The store refused the address: remembered until it would admit again, counted, and answered with 429. */
    ZulipException refused(String addressBucket, Decision decision) {
        long now = System.currentTimeMillis();
        if (until.size() >= REMEMBERED) {
            until.values().removeIf(end -> end <= now);
        }
        until.put(addressBucket, now + Math.max(0, decision.resetInMillis()));
        return refusal(decision.resetInMillis());
    }

    private ZulipException refusal(long resetInMillis) {
        metrics.rateLimitRejection("address");
        return ZulipErrors.rateLimitHit(resetInMillis, Admission.headers(config.address().attempts(), 0, resetInMillis));
    }
}
