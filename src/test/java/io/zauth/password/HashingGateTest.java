package io.zauth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bound on concurrent hashing and its bounded wait. */
class HashingGateTest {

    @Test
    void aCallerWaitsAtMostTheBoundThenIsRefused() throws Exception {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> holder = pool.submit(() -> gate.run(() -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await(5, TimeUnit.SECONDS);
            long start = System.nanoTime();
            assertThrows(HashingGate.HashingBusyException.class, () -> gate.run(() -> "never"));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 150 && waited < 2_000, "waited " + waited + " ms");
            release.countDown();
            holder.get(5, TimeUnit.SECONDS);
            assertEquals("now", gate.run(() -> "now"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverMoreThanTheBoundRunAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Object> f : pool.invokeAll(java.util.Collections.nCopies(40, () -> gate.run(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                running.decrementAndGet();
                return null;
            })))) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, peak.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
