package io.zauth.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Resets recorded in the database, so that {@code zauth ratelimit reset} and a password change
 * made from the command line reach a server that counts attempts in its own memory.
 */
@ApplicationScoped
public class ResetLedger {

    /** Longer than any window: an older reset cannot matter. */
    private static final Duration KEEP = Duration.ofDays(2);

    @Transactional
    public Instant lastReset(String bucket) {
        ResetEntity entity = ResetEntity.findById(bucket);
        return entity == null ? null : entity.resetAt;
    }

    public void recordReset(String bucket, Instant at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> write(bucket, at));
        } catch (RuntimeException raced) {
            // Two processes inserted the same bucket at once; the row exists now.
            QuarkusTransaction.requiringNew().run(() -> write(bucket, at));
        }
    }

    private static void write(String bucket, Instant at) {
        ResetEntity entity = ResetEntity.findById(bucket);
        if (entity == null) {
            entity = new ResetEntity();
            entity.bucket = bucket;
            entity.resetAt = at;
            entity.persist();
        } else if (entity.resetAt.isBefore(at)) {
            entity.resetAt = at;
        }
        ResetEntity.delete("resetAt < ?1", at.minus(KEEP));
    }
}
