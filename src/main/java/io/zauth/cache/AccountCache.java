package io.zauth.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zauth.config.ZauthConfig;
import io.zauth.org.Organization;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
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
 * <p>A look-up that read the database while a change was being dropped does not keep what it
 * read: every drop advances a generation, and a loaded value is put, then taken back if the
 * generation moved meanwhile. Only users that were found are kept; an unknown key or email always
 * asks the database, so that guessing cannot fill the cache.
 */
@ApplicationScoped
public class AccountCache {

    /** Organizations are few; unknown hosts are kept too, so bound them. */
    private static final int MAX_ORGANIZATION_ENTRIES = 10_000;

    private final boolean enabled;
    private final Cache<String, UserAccount> users;
    private final Map<Long, Set<String>> keysByUser = new ConcurrentHashMap<>();
    private final Cache<String, Optional<Organization>> organizations;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean current = true;

    AccountCache(ZauthConfig config) {
        int maxUsers = config.accountCache().maxUsers();
        this.enabled = maxUsers > 0;
        this.users = Caffeine.newBuilder()
                .maximumSize(Math.max(maxUsers, 0) * 2L)
                .evictionListener((String key, UserAccount user, RemovalCause cause) -> {
                    if (user != null) {
                        keysByUser.computeIfPresent(user.id(), (id, keys) -> {
                            keys.remove(key);
                            return keys.isEmpty() ? null : keys;
                        });
                    }
                })
                .build();
        this.organizations = Caffeine.newBuilder().maximumSize(enabled ? MAX_ORGANIZATION_ENTRIES : 0).build();
    }

    boolean enabled() {
        return enabled;
    }

    /** Look-ups below read the database through {@code load}, in the caller's transaction or a new one. */
    public Optional<UserAccount> userByDigest(String digest, Supplier<Optional<UserAccount>> load) {
        return user("key:" + digest, load);
    }

    public Optional<UserAccount> userByEmail(long organizationId, String emailKey, Supplier<Optional<UserAccount>> load) {
        return user("email:" + organizationId + ":" + emailKey, load);
    }

    private Optional<UserAccount> user(String key, Supplier<Optional<UserAccount>> load) {
        UserAccount cached = enabled ? users.getIfPresent(key) : null;
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<UserAccount> loaded = QuarkusTransaction.joiningExisting().call(load::get);
        if (enabled && current && loaded.isPresent()) {
            UserAccount user = loaded.get();
            keysByUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(key);
            users.put(key, user);
            if (generation.get() != before) {
                dropUser(user.id());
            }
        }
        return loaded;
    }

    public Optional<Organization> organization(String key, Supplier<Optional<Organization>> load) {
        Optional<Organization> cached = enabled ? organizations.getIfPresent(key) : null;
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Optional<Organization> loaded = QuarkusTransaction.joiningExisting().call(load::get);
        if (enabled && current) {
            organizations.put(key, loaded);
            if (generation.get() != before) {
                organizations.invalidate(key);
            }
        }
        return loaded;
    }

    void userChanged(long userId) {
        generation.incrementAndGet();
        dropUser(userId);
    }

    /** Organizations carry nothing of their users, so their users' entries stay. */
    void organizationChanged() {
        generation.incrementAndGet();
        organizations.invalidateAll();
    }

    /**
     * Whether changes made elsewhere are being seen. While they are not (the database cannot be
     * read), nothing is served from memory or kept there: what was cached may be out of date.
     */
    void current(boolean current) {
        if (!current) {
            generation.incrementAndGet();
            users.invalidateAll();
            keysByUser.clear();
            organizations.invalidateAll();
        }
        this.current = current;
    }

    private void dropUser(long userId) {
        Set<String> keys = keysByUser.remove(userId);
        if (keys != null) {
            users.invalidateAll(keys);
        }
    }
}
