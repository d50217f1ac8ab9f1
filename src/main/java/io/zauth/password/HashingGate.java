package io.zauth.password;

import io.quarkus.runtime.Startup;
import io.zauth.metrics.ZauthMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most N password computations at once, and a bounded wait for a turn: a flood of logins
 * against 100 MiB Argon2 hashes gets 503s instead of exhausting memory or queueing without end
 * (Keycloak bounds its Argon2 the same way, prior-art §1.3).
 *
 * <p>The computations run on N threads of their own rather than on the requests' threads. Each
 * Argon2 hash allocates its memory (19 MiB at zauth's parameters) in the C allocator's arena of
 * the thread that runs it; on the many request threads that memory was touched afresh, and kept,
 * by a different thread almost every time. On N fixed threads it is reused, and the memory the
 * process keeps for hashing is bounded by N hashes.
 */
// Created at start-up, so that its gauges are served before the first request.
@Startup
@ApplicationScoped
public class HashingGate {

    private final int concurrent;
    private final Semaphore permits;
    private final long maxWaitNanos;
    private final ExecutorService hashers;

    @Inject
    HashingGate(PasswordHashingConfig config, ZauthMetrics metrics) {
        this(config.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()), config.maxWait());
        metrics.passwordHashing(() -> concurrent - permits.availablePermits(), permits::getQueueLength, concurrent);
    }

    HashingGate(int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("zauth.password-hashing.max-concurrent must be at least 1");
        }
        this.concurrent = concurrent;
        this.permits = new Semaphore(concurrent, true);
        this.maxWaitNanos = maxWait.toNanos();
        AtomicInteger number = new AtomicInteger();
        this.hashers = Executors.newFixedThreadPool(concurrent, runnable -> {
            Thread thread = new Thread(runnable, "zauth-hashing-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> T run(Supplier<T> computation) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
        if (!acquired) {
            throw new HashingBusyException();
        }
        // As many permits as threads: an admitted computation starts at once. Its thread gives
        // the permit back when it is done, even if the caller stopped waiting.
        Future<T> result;
        try {
            result = hashers.submit(() -> {
                try {
                    return computation.get();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            permits.release();
            throw new HashingBusyException();
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
    }

    @PreDestroy
    void stop() {
        hashers.shutdownNow();
    }

    /** No turn came within the wait: the server is saturated, which is not the client's fault. */
    public static final class HashingBusyException extends RuntimeException {
        HashingBusyException() {
            super("password hashing is saturated", null, false, false);
        }
    }
}
