package io.zauth.ratelimit;

/**
 * Where recent login attempts are counted: in this process, or in Redis so that every instance
 * shares one count. Buckets hold the times of the most recent attempts; an attempt is admitted
 * only when fewer than {@link Limit#attempts()} of them lie within the window (Zulip's
 * rate_limiter.py, with the check and the record made in one atomic step so that concurrent
 * requests cannot all slip through).
 */
public interface AttemptStore {

    /** Records an attempt unless the bucket is full; the answer says which, and until when. */
    Decision acquire(String bucket, Limit limit);

    /**
     * Records an attempt in both buckets or in neither, looking at {@code first} before {@code
     * second}: when the first is full the second is not looked at (its decision is null), and when
     * the second is full nothing is recorded in the first either (its decision has no entry). Stores
     * that pay a round trip per call make it one.
     */
    default Decisions acquireBoth(String first, Limit firstLimit, String second, Limit secondLimit) {
        Decision firstDecision = acquire(first, firstLimit);
        if (!firstDecision.allowed()) {
            return new Decisions(firstDecision, null);
        }
        Decision secondDecision = acquire(second, secondLimit);
        if (!secondDecision.allowed()) {
            release(first, firstDecision.entry());
            return new Decisions(new Decision(true, firstDecision.remaining() + 1, firstDecision.resetInMillis(), null),
                    secondDecision);
        }
        return new Decisions(firstDecision, secondDecision);
    }

    /** Takes back one recorded attempt: it failed for a reason that was not the client's. */
    void release(String bucket, String entry);

    /** Forgets the bucket after a success in this process. */
    void clear(String bucket);

    /** Forgets the bucket on an administrator's request or a password change, from any process. */
    void reset(String bucket);

    /** Readies what the first attempt would otherwise wait for, without delaying the start. */
    default void prepare() {}

    /**
     * @param allowed whether the attempt was admitted (and recorded)
     * @param remaining attempts left in the window after this one
     * @param resetInMillis until the oldest counted attempt leaves the window (for a refused
     *     attempt: until the next one is admitted)
     * @param entry what {@link #release} takes back, or null when nothing was recorded
     */
    record Decision(boolean allowed, int remaining, long resetInMillis, String entry) {}

    /** The decisions of {@link #acquireBoth}; {@code second} is null when the first bucket was full. */
    record Decisions(Decision first, Decision second) {}
}
