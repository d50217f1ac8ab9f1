package io.zauth.ratelimit;

import io.zauth.ratelimit.AttemptStore.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One login attempt as the rate limits see it, from its client address being admitted until its
 * outcome is known. Each backend's identity is {@linkplain #charge charged} before that backend
 * checks a password; a charge is taken back only when its backend could not judge (an outage).
 * The client address is looked at with the first identity's charge, in the same call to the store
 * (one round trip for both, and still before any password is checked), or by {@link #checkAddress}
 * where a credential is judged without an identity first, or where the attempt ends before any.
 * A success clears every identity charged and takes back the address's failure; an attempt that
 * no backend judged takes back the address's failure when it is {@linkplain #close closed}.
 * Used by one request thread.
 */
public final class Admission implements AutoCloseable {

    private final LoginRateLimiter limiter;
    private final Limit identityLimit;
    private final String addressBucket;
    private final Limit addressLimit;
    private Decision address;
    private boolean addressAsked;
    private final List<Charge> charges = new ArrayList<>();
    private boolean addressHeld;
    private boolean judgedWithoutIdentity;

    /** An admission that counts nothing: the limits are off. */
    public static Admission unlimited() {
        return new Admission(null, null, null, null);
    }

    /** @param addressBucket null when the address is unknown or not limited */
    Admission(LoginRateLimiter limiter, Limit identityLimit, String addressBucket, Limit addressLimit) {
        this.limiter = limiter;
        this.identityLimit = identityLimit;
        this.addressBucket = addressBucket;
        this.addressLimit = addressLimit;
    }

    /**
     * The address is limited and the store has not been asked about it yet (once asked, an
     * unreachable store is not asked again for the same attempt).
     */
    private boolean addressPending() {
        return addressBucket != null && !addressAsked;
    }

    /**
     * Counts the attempt against the client address now, unless that was done already.
     *
     * @throws io.zauth.error.ZulipException 429 when the address is over its limit, 503 when the
     *     shared store cannot be reached
     */
    public void checkAddress() {
        if (limiter != null && addressPending()) {
            addressAsked = true;
            address = limiter.acquireAddress(addressBucket, addressLimit);
            addressHeld = true;
        }
    }

    /**
     * Counts the attempt against the identity a backend is about to judge, and against the client
     * address if that was not done yet.
     *
     * @throws io.zauth.error.ZulipException 429 when the address or the identity is over its limit
     *     (nothing is recorded for either), 503 when the shared store cannot be reached
     */
    public Charge charge(String identity) {
        if (limiter == null) {
            return new Charge(null, null);
        }
        String bucket = LoginRateLimiter.bucketOf(identity);
        Decision decision;
        if (addressPending()) {
            addressAsked = true;
            AttemptStore.Decisions both = limiter.acquireAddressAndIdentity(addressBucket, addressLimit, bucket,
                    identityLimit);
            address = both.first();
            addressHeld = true;
            decision = both.second();
        } else {
            decision = limiter.acquireIdentity(bucket, identityLimit);
        }
        Charge charge = new Charge(bucket, decision);
        charges.add(charge);
        return charge;
    }

    /**
     * A backend judged the credentials without an identity to charge (a token that failed
     * verification names nobody): the address's failure stays.
     */
    public void judged() {
        judgedWithoutIdentity = true;
    }

    /** The attempt succeeded: every identity it was counted against starts afresh, and the address is not charged. */
    public void succeeded() {
        if (limiter != null) {
            charges.forEach(charge -> limiter.store().clear(charge.bucket));
        }
        releaseAddress();
    }

    /** Takes back the address's failure unless a backend judged the credentials. */
    @Override
    public void close() {
        if (!judgedWithoutIdentity && charges.stream().noneMatch(charge -> charge.held)) {
            releaseAddress();
        }
    }

    private void releaseAddress() {
        if (addressHeld) {
            addressHeld = false;
            limiter.store().release(addressBucket, address.entry());
        }
    }

    /**
     * Zulip's X-RateLimit-* headers for this attempt, the tightest of the limits that applied
     * (RateLimitMiddleware); empty when limits are off.
     */
    public Map<String, String> headers() {
        if (limiter == null) {
            return Map.of();
        }
        int limit = Integer.MAX_VALUE;
        int remaining = Integer.MAX_VALUE;
        long reset = 0;
        if (address != null) {
            limit = addressLimit.attempts();
            remaining = address.remaining();
            reset = address.resetInMillis();
        }
        for (Charge charge : charges) {
            limit = Math.min(limit, identityLimit.attempts());
            remaining = Math.min(remaining, charge.decision.remaining());
            reset = Math.max(reset, charge.decision.resetInMillis());
        }
        return limit == Integer.MAX_VALUE ? Map.of() : headers(limit, remaining, reset);
    }

    static Map<String, String> headers(int limit, int remaining, long resetInMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString((System.currentTimeMillis() + Math.max(0, resetInMillis)) / 1000));
        return headers;
    }

    /** One identity's count of this attempt. */
    public final class Charge {
        private final String bucket;
        private final Decision decision;
        private boolean held;

        private Charge(String bucket, Decision decision) {
            this.bucket = bucket;
            this.decision = decision;
            this.held = bucket != null;
        }

        /** Its backend could not judge the credentials: the attempt does not count against this identity. */
        public void takeBack() {
            if (held) {
                held = false;
                limiter.store().release(bucket, decision.entry());
            }
        }
    }
}
