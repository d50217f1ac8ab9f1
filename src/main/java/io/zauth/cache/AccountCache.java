package io.zauth.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zauth.metrics.ZauthMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the request path reads on every API call and login, kept in memory: users by API key
 * digest and by organization and email (two entries a user, hence twice max-users), and
 * organizations by host, subdomain and id. An entry is dropped as soon as this instance changes
 * the user or organization, and within {@code zauth.account-cache.poll-interval} when another
 * instance or the command line does ({@link AccountChanges}).
 *
 * <p>Nothing is served from memory unless the changes were read successfully in the last few
 * poll intervals, and no entry is served older than {@code zauth.account-cache.max-age}.
 *
 * <p>A look-up that read the database while a change was being dropped does not keep what it
 * read: every drop advances a generation first, and a loaded user is put only if the generation
 * has not moved, checked under the same per-user lock the drop takes to remove the user's
 * entries. Either the put comes first and the drop removes it, or the drop comes first and the
 * put sees the new generation. Only users that were found are kept; an unknown key or email
 * always asks the database, so that guessing cannot fill the cache.
 */
// Created at start-up, so that its gauges are served before the first request.
@Startup
@ApplicationScoped
public class AccountCache {

    /** Organizations are few; unknown hosts are kept too, so bound them. */
    private static final int MAX_ORGANIZATION_ENTRIES = 10_000;
    /** Polls that may be missed before memory stops being trusted, and the least time that allows. */
    private static final int STALE_AFTER_POLLS = 4;
    private static final Duration STALE_AFTER_AT_LEAST = Duration.ofSeconds(1);
    private static final int USER_LOCKS = 64;

    private final boolean enabled;
    private final long staleAfterNanos;
    private final Cache<String, CachedUser> users;
    /** The keys each user is cached under, so that a change to the user drops them all. */
    private final Map<Long, Set<String>> keysByUser = new ConcurrentHashMap<>();
    private final Object[] userLocks = new Object[USER_LOCKS];
    private final Cache<String, Optional<?>> organizations;
    private final AtomicLong generation = new AtomicLong();
    /** System.nanoTime() after which memory is no longer served unless a poll succeeds meanwhile. */
    private volatile long servingUntil;
    /** System.nanoTime() at the start of the last successful poll, or of this cache until one succeeds. */
    private volatile long lastPolled;

    @Inject
    AccountCache(AccountCacheConfig config, ZauthMetrics metrics) {
        this(config.maxUsers(), config.maxAge(), staleAfter(config.pollInterval()));
        if (enabled) {
            metrics.accountCacheAge(() -> lastPolled, Duration.ofNanos(staleAfterNanos));
        }
    }

    AccountCache(int maxUsers, Duration maxAge, Duration staleAfter) {
        this.enabled = maxUsers > 0;
        this.staleAfterNanos = staleAfter.toNanos();
        this.servingUntil = System.nanoTime();
        this.lastPolled = servingUntil;
        for (int i = 0; i < USER_LOCKS; i++) {
            userLocks[i] = new Object();
        }
        // The index is cleaned after a removal, asynchronously and under the user's lock, and only
        // of a key that is no longer cached: a put racing with the removal keeps its key indexed.
        this.users = Caffeine.newBuilder()
                .maximumSize(Math.max(maxUsers, 0) * 2L)
                .expireAfterWrite(maxAge)
                .removalListener((String key, CachedUser user, RemovalCause cause) -> {
                    if (user != null && cause != RemovalCause.REPLACED) {
                        forgetKey(user.id(), key);
                    }
                })
                .build();
        this.organizations = Caffeine.newBuilder()
                .maximumSize(enabled ? MAX_ORGANIZATION_ENTRIES : 0)
                .expireAfterWrite(maxAge)
                .build();
    }

    /** A few poll intervals, and never less than a second so that one slow poll does not empty the cache. */
    static Duration staleAfter(Duration pollInterval) {
        Duration polls = pollInterval.multipliedBy(STALE_AFTER_POLLS);
        return polls.compareTo(STALE_AFTER_AT_LEAST) < 0 ? STALE_AFTER_AT_LEAST : polls;
    }

    boolean enabled() {
        return enabled;
    }

    /** Look-ups below read the database through {@code load}, in the caller's transaction or a new one. */
    public <U extends CachedUser> Optional<U> userByDigest(String digest, Supplier<Optional<U>> load) {
        return user("key:" + digest, load);
    }

    public <U extends CachedUser> Optional<U> userByEmail(long organizationId, String emailKey, Supplier<Optional<U>> load) {
        return user("email:" + organizationId + ":" + emailKey, load);
    }

    @SuppressWarnings("unchecked")
    private <U extends CachedUser> Optional<U> user(String key, Supplier<Optional<U>> load) {
        if (serving()) {
            CachedUser cached = users.getIfPresent(key);
            if (cached != null) {
                return Optional.of((U) cached);
            }
        }
        long before = generation.get();
        Optional<U> loaded = QuarkusTransaction.joiningExisting().call(load::get);
        if (loaded.isPresent() && serving()) {
            U user = loaded.get();
            synchronized (lockOf(user.id())) {
                if (generation.get() == before) {
                    keysByUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(key);
                    users.put(key, user);
                }
            }
        }
        return loaded;
    }

    @SuppressWarnings("unchecked")
    public <O> Optional<O> organization(String key, Supplier<Optional<O>> load) {
        Optional<O> cached = serving() ? (Optional<O>) organizations.getIfPresent(key) : null;
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Optional<O> loaded = QuarkusTransaction.joiningExisting().call(load::get);
        if (serving()) {
            // Organization drops empty the whole map, so put-then-check suffices: a drop before the
            // check is seen by it, one after it removes the entry.
            organizations.put(key, loaded);
            if (generation.get() != before) {
                organizations.invalidate(key);
            }
        }
        return loaded;
    }

    void userChanged(long userId) {
        generation.incrementAndGet();
        synchronized (lockOf(userId)) {
            Set<String> keys = keysByUser.remove(userId);
            if (keys != null) {
                users.invalidateAll(keys);
            }
        }
    }

    /** Organizations carry nothing of their users, so their users' entries stay. */
    void organizationChanged() {
        generation.incrementAndGet();
        organizations.invalidateAll();
    }

    /**
     * The changes made elsewhere were read by a poll that began at {@code pollStart} (a
     * {@link System#nanoTime()}): memory may be served for a few poll intervals from then. If it
     * had stopped being served (polls failed or were late), what it holds may have missed changes
     * whose rows are gone, so it is emptied first.
     */
    void polled(long pollStart) {
        if (pollStart - servingUntil >= 0) {
            dropAll();
        }
        servingUntil = pollStart + staleAfterNanos;
        lastPolled = pollStart;
    }

    /** The changes made elsewhere could not be read: nothing is served or kept until they are. */
    void pollFailed() {
        servingUntil = System.nanoTime() - 1;
        dropAll();
    }

    /** Whether memory may be served: the changes were read recently enough. */
    boolean serving() {
        return enabled && System.nanoTime() - servingUntil < 0;
    }

    private void dropAll() {
        generation.incrementAndGet();
        users.invalidateAll();
        organizations.invalidateAll();
    }

    private void forgetKey(long userId, String key) {
        synchronized (lockOf(userId)) {
            if (users.asMap().containsKey(key)) {
                return;
            }
            keysByUser.computeIfPresent(userId, (id, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    private Object lockOf(long userId) {
        return userLocks[Long.hashCode(userId) & (USER_LOCKS - 1)];
    }
}
