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

    /** Takes back one recorded attempt: it failed for a reason that was not the client's. */
    void release(String bucket, String entry);

    /** Forgets the bucket after a success in this process. */
    void clear(String bucket);

    /** Forgets the bucket on an administrator's request or a password change, from any process. */
    void reset(String bucket);

    /**
     * @param allowed whether the attempt was admitted (and recorded)
     * @param remaining attempts left in the window after this one
     * @param resetInMillis until the oldest counted attempt leaves the window (for a refused
     *     attempt: until the next one is admitted)
     * @param entry what {@link #release} takes back, or null when nothing was recorded
     */
    record Decision(boolean allowed, int remaining, long resetInMillis, String entry) {}
}
