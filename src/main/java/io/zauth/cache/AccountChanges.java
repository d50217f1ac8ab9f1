package io.zauth.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps every instance's {@link AccountCache} true to the database. Each change to a user or an
 * organization writes a row in the changing transaction; after it commits, this instance drops
 * its entry at once, and every instance (this one too) reads the new rows every poll interval and
 * drops theirs.
 *
 * <p>Rows are read by id, gaps included ({@link ChangeCursor}), so a transaction that commits
 * late is read when it does. A gap is awaited for the transaction timeout, which bounds every
 * transaction that writes a change, plus {@link #GAP_ALLOWANCE}.
 *
 * <p>Rows are deleted only up to an id this instance had read through more than {@link #KEEP}
 * ago. Another instance that has not read them by then has not read the changes for that long,
 * so it stopped serving from memory long before, and empties it when it reads again
 * ({@link AccountCache#polled}).
 */
@ApplicationScoped
public class AccountChanges {

    private static final Logger LOG = Logger.getLogger(AccountChanges.class);
    /** For a commit under way when the timeout strikes, and a pause of this process. */
    private static final Duration GAP_ALLOWANCE = Duration.ofSeconds(10);
    /** Far longer than an instance may go without reading and still serve from memory. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** Where the rows are; the database, but for tests of the poller itself. */
    interface Rows {
        List<AccountChangeEntity> read(ChangeCursor.Reading reading);

        void deleteThrough(long id);
    }

    private record ReadThrough(long at, long id) {}

    private final AccountCache cache;
    private final TransactionSynchronizationRegistry transactions;
    private final Rows rows;
    private final long pollMillis;
    private final ChangeCursor cursor;
    /** What this instance had read through, about every {@link #SWEEP_EVERY}, oldest first. */
    private final Deque<ReadThrough> readThrough = new ArrayDeque<>();
    private ScheduledExecutorService poller;

    @Inject
    AccountChanges(AccountCache cache, TransactionSynchronizationRegistry transactions, AccountCacheConfig config,
            @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
            Duration transactionTimeout) {
        this(cache, transactions, config.pollInterval(), transactionTimeout.plus(GAP_ALLOWANCE), new DatabaseRows());
    }

    AccountChanges(AccountCache cache, TransactionSynchronizationRegistry transactions, Duration pollInterval,
            Duration gapWait, Rows rows) {
        this.cache = cache;
        this.transactions = transactions;
        this.rows = rows;
        this.pollMillis = Math.max(pollInterval.toMillis(), 10);
        this.cursor = new ChangeCursor(gapWait);
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

    /**
     * Whatever goes wrong, errors included, the cache stops serving and the next poll tries
     * again: a scheduled task that throws is never run again, while the cache would go on serving
     * what it holds until {@link AccountCache#serving} saw the polls stop.
     */
    void poll() {
        try {
            readChanges();
        } catch (Throwable e) {
            try {
                cache.pollFailed();
                if (e instanceof RuntimeException) {
                    LOG.debugf("Account changes cannot be read (%s); serving nothing from memory until they can",
                            e.getClass().getSimpleName());
                } else {
                    LOG.errorf(e, "Reading the account changes failed; serving nothing from memory until it succeeds");
                }
            } catch (Throwable again) {
                // Out of memory, say: the cache has already stopped serving, and the next poll tries again.
            }
        }
    }

    /** Only the poller thread runs this, so the cursor needs no locking. */
    private void readChanges() {
        long started = System.nanoTime();
        List<AccountChangeEntity> changes = rows.read(cursor.next());
        long readAt = System.nanoTime();
        for (AccountChangeEntity change : changes) {
            if (cursor.read(change.id, readAt)) {
                if (change.userId == null) {
                    cache.organizationChanged();
                } else {
                    cache.userChanged(change.userId);
                }
            }
        }
        cursor.expire(started);
        sweep(readAt);
        cache.polled(started);
    }

    private void sweep(long now) {
        ReadThrough newest = readThrough.peekLast();
        if (newest != null && now - newest.at() < SWEEP_EVERY.toNanos()) {
            return;
        }
        readThrough.addLast(new ReadThrough(now, cursor.readThrough()));
        ReadThrough old = null;
        while (!readThrough.isEmpty() && now - readThrough.peekFirst().at() >= KEEP.toNanos()) {
            old = readThrough.pollFirst();
        }
        if (old != null && old.id() > 0) {
            rows.deleteThrough(old.id());
        }
    }

    /** The account_change table, each read in a transaction of its own. */
    static final class DatabaseRows implements Rows {

        @Override
        public List<AccountChangeEntity> read(ChangeCursor.Reading reading) {
            StringBuilder query = new StringBuilder("id > ?1");
            List<Object> parameters = new ArrayList<>();
            parameters.add(reading.above());
            for (long[] range : reading.ranges()) {
                query.append(" or id between ?").append(parameters.size() + 1).append(" and ?").append(parameters.size() + 2);
                parameters.add(range[0]);
                parameters.add(range[1]);
            }
            query.append(" order by id");
            return QuarkusTransaction.requiringNew().call(() ->
                    AccountChangeEntity.<AccountChangeEntity>list(query.toString(), parameters.toArray()));
        }

        @Override
        public void deleteThrough(long id) {
            QuarkusTransaction.requiringNew().run(() -> AccountChangeEntity.delete("id <= ?1", id));
        }
    }
}
