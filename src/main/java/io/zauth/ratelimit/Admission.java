package io.zauth.ratelimit;

import io.zauth.ratelimit.AttemptStore.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An admitted login attempt, counted until its outcome is known: a success clears the username's
 * count and takes back the address's; a failure that was not the client's (a directory, database
 * or hashing outage) takes back both.
 */
public final class Admission {

    static final Admission UNLIMITED = new Admission(null, null, null, null, null, null, null);

    private final AttemptStore store;
    private final String userBucket;
    private final Decision user;
    private final Limit userLimit;
    private final String addressBucket;
    private final Decision address;
    private final Limit addressLimit;

    Admission(AttemptStore store, String userBucket, Decision user, Limit userLimit, String addressBucket,
            Decision address, Limit addressLimit) {
        this.store = store;
        this.userBucket = userBucket;
        this.user = user;
        this.userLimit = userLimit;
        this.addressBucket = addressBucket;
        this.address = address;
        this.addressLimit = addressLimit;
    }

    public void succeeded() {
        if (store != null) {
            store.clear(userBucket);
            releaseAddress();
        }
    }

    /** The attempt failed through no fault of the client: it does not count. */
    public void notCounted() {
        if (store != null) {
            store.release(userBucket, user.entry());
            releaseAddress();
        }
    }

    private void releaseAddress() {
        if (address != null) {
            store.release(addressBucket, address.entry());
        }
    }

    /**
     * Zulip's X-RateLimit-* headers for this attempt, the tightest of the limits that applied
     * (RateLimitMiddleware); empty when limits are off.
     */
    public Map<String, String> headers() {
        if (store == null) {
            return Map.of();
        }
        int limit = userLimit.attempts();
        int remaining = user.remaining();
        long reset = user.resetInMillis();
        if (address != null) {
            limit = Math.min(limit, addressLimit.attempts());
            remaining = Math.min(remaining, address.remaining());
            reset = Math.max(reset, address.resetInMillis());
        }
        return headers(limit, remaining, reset);
    }

    static Map<String, String> headers(int limit, int remaining, long resetInMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString((System.currentTimeMillis() + Math.max(0, resetInMillis)) / 1000));
        return headers;
    }
}
