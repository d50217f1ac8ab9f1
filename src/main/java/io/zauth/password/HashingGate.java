package io.zauth.password;

import io.zauth.config.ZauthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most N password computations at once, and a bounded wait for a turn: a flood of logins
 * against 100 MiB Argon2 hashes gets 503s instead of exhausting memory or queueing without end
 * (Keycloak bounds its Argon2 the same way, prior-art §1.3).
 */
@ApplicationScoped
public class HashingGate {

    private final Semaphore permits;
    private final long maxWaitNanos;

    @Inject
    HashingGate(ZauthConfig config) {
        this(config.hashing().maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()), config.hashing().maxWait());
    }

    HashingGate(int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("zauth.hashing.max-concurrent must be at least 1");
        }
        this.permits = new Semaphore(concurrent, true);
        this.maxWaitNanos = maxWait.toNanos();
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
        try {
            return computation.get();
        } finally {
            permits.release();
        }
    }

    /** No turn came within the wait: the server is saturated, which is not the client's fault. */
    public static final class HashingBusyException extends RuntimeException {
        HashingBusyException() {
            super("password hashing is saturated", null, false, false);
        }
    }
}
