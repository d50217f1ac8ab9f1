package io.zauth.ratelimit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Attempts counted in this process: for a single instance. Resets asked for by another process
 * (the command line) reach it through the {@link ResetLedger} in the shared database, consulted
 * only for buckets that hold attempts.
 */
final class MemoryAttemptStore implements AttemptStore {

    private static final int SWEEP_EVERY = 4096;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ResetLedger ledger;
    private final LongSupplier clock;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();

    MemoryAttemptStore(ResetLedger ledger, LongSupplier clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Decision acquire(String bucket, Limit limit) {
        long now = clock.getAsLong();
        long window = limit.window().toMillis();
        Bucket existing = buckets.get(bucket);
        long notBefore = now - window;
        if (existing != null && existing.hasAttemptsSince(notBefore)) {
            Instant reset = ledger.lastReset(bucket);
            if (reset != null) {
                notBefore = Math.max(notBefore, reset.toEpochMilli());
            }
        }
        long since = notBefore;
        Decision[] decision = new Decision[1];
        buckets.compute(bucket, (key, b) -> {
            Bucket current = b == null ? new Bucket() : b;
            current.dropBefore(since);
            current.window = window;
            if (current.size() >= limit.attempts()) {
                decision[0] = new Decision(false, 0, current.oldest() + window - now, null);
            } else {
                long id = ids.incrementAndGet();
                current.add(now, id);
                current.trimTo(limit.attempts());
                decision[0] = new Decision(true, limit.attempts() - current.size(), current.oldest() + window - now,
                        Long.toString(id));
            }
            return current;
        });
        if (operations.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return decision[0];
    }

    @Override
    public void release(String bucket, String entry) {
        long id = Long.parseLong(entry);
        buckets.computeIfPresent(bucket, (key, b) -> {
            b.remove(id);
            return b.isEmpty() ? null : b;
        });
    }

    @Override
    public void clear(String bucket) {
        buckets.remove(bucket);
    }

    @Override
    public void reset(String bucket) {
        buckets.remove(bucket);
        ledger.recordReset(bucket, Instant.ofEpochMilli(clock.getAsLong()));
    }

    int bucketCount() {
        return buckets.size();
    }

    /** Buckets whose newest attempt has left its window hold nothing that counts: drop them. */
    private void sweep(long now) {
        for (String key : buckets.keySet()) {
            buckets.computeIfPresent(key, (k, b) -> b.newest() + b.window <= now ? null : b);
        }
    }

    /**
     * Attempt times, oldest first, with the id that releases each. Changed only inside the map's
     * compute functions; the look before the ledger query reads it concurrently, hence the locks.
     */
    private static final class Bucket {
        private final ArrayDeque<long[]> attempts = new ArrayDeque<>();
        volatile long window;

        synchronized boolean hasAttemptsSince(long since) {
            return !attempts.isEmpty() && attempts.peekLast()[0] > since;
        }

        synchronized void add(long at, long id) {
            attempts.addLast(new long[] {at, id});
        }

        synchronized void dropBefore(long since) {
            while (!attempts.isEmpty() && attempts.peekFirst()[0] <= since) {
                attempts.removeFirst();
            }
        }

        synchronized void trimTo(int max) {
            while (attempts.size() > max) {
                attempts.removeFirst();
            }
        }

        synchronized void remove(long id) {
            for (Iterator<long[]> it = attempts.iterator(); it.hasNext(); ) {
                if (it.next()[1] == id) {
                    it.remove();
                    return;
                }
            }
        }

        synchronized int size() {
            return attempts.size();
        }

        synchronized boolean isEmpty() {
            return attempts.isEmpty();
        }

        synchronized long oldest() {
            return attempts.peekFirst()[0];
        }

        synchronized long newest() {
            return attempts.isEmpty() ? Long.MIN_VALUE / 2 : attempts.peekLast()[0];
        }
    }
}
