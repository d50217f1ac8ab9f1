package io.zauth.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client addresses this process has seen refused for being over their limit, each until the
 * store said an attempt would be admitted again. An attempt from one of them is refused before it
 * costs anything: no call to the shared store, no directory search, no key check. Another
 * instance learns of the limit at the address's next attempt there.
 */
@ApplicationScoped
class LimitedAddresses {

    /** Only limited addresses are remembered; past this many, expired ones are dropped. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Long> until = new ConcurrentHashMap<>();

    /** Whether no address is known to be limited: the common case, answered without parsing any address. */
    boolean none() {
        return until.isEmpty();
    }

    /** Milliseconds until the address's next attempt may be admitted, or 0 when not known to be limited. */
    long limitedFor(String addressBucket) {
        if (until.isEmpty()) {
            return 0;
        }
        Long end = until.get(addressBucket);
        if (end == null) {
            return 0;
        }
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
            until.remove(addressBucket, end);
            return 0;
        }
        return left;
    }

    void refused(String addressBucket, long resetInMillis) {
        long now = System.currentTimeMillis();
        if (until.size() >= REMEMBERED) {
            until.values().removeIf(end -> end <= now);
        }
        until.put(addressBucket, now + Math.max(0, resetInMillis));
    }
}
