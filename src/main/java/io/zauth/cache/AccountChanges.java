package io.zauth.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zauth.config.ZauthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every instance's {@link AccountCache} true to the database. Each change to a user or an
 * organization writes a row in the changing transaction; after it commits, this instance drops
 * its entry at once, and every instance (this one too) reads the new rows every poll interval and
 * drops theirs.
 *
 * <p>Rows are read by the database's time, with an overlap: a transaction that took its time
 * before committing has a row older than the newest one already read, and is still found.
 */
@ApplicationScoped
public class AccountChanges {

    private static final Logger LOG = Logger.getLogger(AccountChanges.class);
    /** Longer than any transaction that writes a change; rows are read again within it. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    /** Far longer than any instance goes without reading; older rows are deleted. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int POLLS_BETWEEN_SWEEPS = 240;

    private final AccountCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final long pollMillis;
    private final Map<Long, Instant> seen = new HashMap<>();
    private Instant newest = Instant.EPOCH;
    private int pollsSinceSweep;
    private ScheduledExecutorService poller;

    AccountChanges(AccountCache cache, TransactionSynchronizationRegistry transactions, ZauthConfig config) {
        this.cache = cache;
        this.transactions = transactions;
        this.pollMillis = Math.max(config.accountCache().pollInterval().toMillis(), 10);
    }

    /** Records a change to the user in the current transaction. */
    public void userChanged(long userId) {
        record(null, userId);
        afterCommit(() -> cache.userChanged(userId));
    }

    /** Records a change to the organization (settings, hosts, state) in the current transaction. */
    public void organizationChanged(long organizationId) {
        record(organizationId, null);
        afterCommit(cache::organizationChanged);
    }

    /** Reads the changes made elsewhere from start-up on, on a thread of its own. */
    void start(@Observes StartupEvent event) {
        if (cache.enabled()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "zauth-account-changes");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private static void record(Long organizationId, Long userId) {
        AccountChangeEntity change = new AccountChangeEntity();
        change.organizationId = organizationId;
        change.userId = userId;
        change.persist();
    }

    private void afterCommit(Runnable drop) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    drop.run();
                }
            }
        });
    }

    /** Only the poller thread runs this, so its fields need no locking. */
    private void poll() {
        try {
            Instant from = newest.minus(OVERLAP);
            List<AccountChangeEntity> changes = QuarkusTransaction.requiringNew().call(() ->
                    AccountChangeEntity.<AccountChangeEntity>list("changedAt > ?1 order by changedAt", from));
            for (AccountChangeEntity change : changes) {
                if (seen.putIfAbsent(change.id, change.changedAt) == null) {
                    if (change.userId == null) {
                        cache.organizationChanged();
                    } else {
                        cache.userChanged(change.userId);
                    }
                }
                if (change.changedAt.isAfter(newest)) {
                    newest = change.changedAt;
                }
            }
            Instant forget = newest.minus(OVERLAP);
            seen.values().removeIf(at -> !at.isAfter(forget));
            if (++pollsSinceSweep >= POLLS_BETWEEN_SWEEPS) {
                pollsSinceSweep = 0;
                Instant old = newest.minus(KEEP);
                QuarkusTransaction.requiringNew().run(() -> AccountChangeEntity.delete("changedAt < ?1", old));
            }
            cache.current(true);
        } catch (RuntimeException e) {
            LOG.debugf("Account changes cannot be read (%s); serving nothing from memory until they can", e.getClass().getSimpleName());
            cache.current(false);
        }
    }
}
