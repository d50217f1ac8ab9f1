package io.zauth.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The change poller on its own, over rows that fail as the test says: whatever a poll throws,
 * and when polls stop coming, the cache stops serving from memory; the poller goes on.
 */
class AccountChangesPollerTest {

    static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    static final Duration WAIT = Duration.ofSeconds(10);

    final AccountCache cache = new AccountCache(100, Duration.ofMinutes(1), AccountCache.staleAfter(POLL_INTERVAL));
    final AtomicInteger reads = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    AccountChanges changes;

    @AfterEach
    void stopPoller() {
        release.countDown();
        if (changes != null) {
            changes.stop(null);
        }
    }

    @Test
    void aPollThatThrowsAnErrorStopsTheCacheServingAndTheNextPollStillRuns() {
        start(reading -> switch (reads.incrementAndGet()) {
            case 1 -> List.of();
            case 2 -> throw new OutOfMemoryError("provoked by the test");
            default -> {
                await(release);
                yield List.of();
            }
        });
        awaitTrue(cache::serving, "the first poll succeeded");
        awaitTrue(() -> reads.get() >= 3, "a poll after the error began");
        assertFalse(cache.serving(), "the error stopped the cache serving");
        release.countDown();
        awaitTrue(cache::serving, "the poll after the error succeeded");
    }

    @Test
    void aPollThatNeverReturnsStopsTheCacheServingWithinAFewIntervals() {
        start(reading -> {
            if (reads.incrementAndGet() > 1) {
                await(release);
            }
            return List.of();
        });
        awaitTrue(cache::serving, "the first poll succeeded");
        awaitTrue(() -> reads.get() >= 2, "the second poll hangs");
        awaitTrue(() -> !cache.serving(), "memory is no longer served");
    }

    private void start(Function<ChangeCursor.Reading, List<AccountChangeEntity>> reader) {
        changes = new AccountChanges(cache, null, POLL_INTERVAL, Duration.ofSeconds(70), new AccountChanges.Rows() {
            @Override
            public List<AccountChangeEntity> read(ChangeCursor.Reading reading) {
                return reader.apply(reading);
            }

            @Override
            public void deleteThrough(long id) {
                fail("nothing was read an hour ago");
            }
        });
        changes.start(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what);
            }
            Thread.onSpinWait();
        }
    }
}
