package io.zauth.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zauth.cache.AccountCache;
import io.zauth.cache.AccountChanges;
import io.zauth.key.ApiKeyProtection;
import io.zauth.key.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The users stored in the database; every method is one short transaction. API keys are stored
 * as a digest and a sealed copy ({@link ApiKeyProtection}); views carry the opened key.
 */
@ApplicationScoped
public class UserAccounts {

    private static final Logger LOG = Logger.getLogger(UserAccounts.class);

    private final ApiKeyProtection keys;
    private final AccountCache cache;
    private final AccountChanges changes;
    private final PasswordHashClasses hashClasses;

    UserAccounts(ApiKeyProtection keys, AccountCache cache, AccountChanges changes, PasswordHashClasses hashClasses) {
        this.keys = keys;
        this.cache = cache;
        this.changes = changes;
        this.hashClasses = hashClasses;
    }

    /** The user with this email in the organization, case-insensitively (from the account cache when it can be). */
    public Optional<UserAccount> byEmail(long organizationId, String email) {
        return cache.userByEmail(organizationId, UserEntity.emailKey(email), () -> findByEmail(organizationId, email).map(this::view));
    }

    @Transactional
    public Optional<UserAccount> byId(long id) {
        return UserEntity.<UserEntity>findByIdOptional(id).map(this::view);
    }

    /**
     * The user whose key this is: found by digest (in the account cache, else the database), then
     * the key compared in constant time.
     */
    public Optional<UserAccount> byApiKey(String apiKey) {
        String digest = keys.digest(apiKey);
        return cache.userByDigest(digest, () -> UserEntity.<UserEntity>find("apiKeyDigest", digest).firstResultOptional().map(this::view))
                .filter(user -> ApiKeyProtection.sameKey(user.apiKey(), apiKey));
    }

    @Transactional
    public List<UserAccount> list(long organizationId) {
        return UserEntity.<UserEntity>list("organizationId = ?1 order by id", organizationId).stream()
                .map(this::view).toList();
    }

    /** Creates a user with its API key; fails with a clear message when the email is taken. */
    @Transactional
    public UserAccount create(NewUser user) {
        if (findByEmail(user.organizationId(), user.email()).isPresent()) {
            throw new IllegalArgumentException("a user with email '" + user.email().strip() + "' already exists");
        }
        UserEntity entity = new UserEntity();
        entity.organizationId = user.organizationId();
        entity.email = user.email().strip();
        entity.emailKey = UserEntity.emailKey(user.email());
        entity.fullName = user.fullName();
        entity.role = user.role().zulipValue();
        entity.dateJoined = Instant.now();
        hashClasses.include(user.organizationId(), user.passwordHash());
        entity.passwordHash = user.passwordHash();
        String apiKey = storeNewKey(entity);
        entity.persist();
        changes.userChanged(entity.id);
        return entity.toView(apiKey);
    }

    /**
     * The user with this email, created if absent. Concurrent first logins of one person race on
     * the unique email; the losers read the winner's user, so there is one user and one key.
     */
    public UserAccount findOrCreate(NewUser user) {
        Optional<UserAccount> existing = byEmail(user.organizationId(), user.email());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(user));
        } catch (RuntimeException raced) {
            return byEmail(user.organizationId(), user.email()).orElseThrow(() -> raced);
        }
    }

    /**
     * Creates the user, or updates the one with its email (case-insensitively): name, role, state,
     * join date, password hash and API key as given. Keys are unique across the server, so a key
     * already held by another user is refused, as is one that is not in Zulip's format.
     */
    @Transactional
    public ImportedUser.Outcome createOrUpdate(ImportedUser user) {
        if (!ApiKeys.hasFormat(user.apiKey())) {
            throw new IllegalArgumentException("the API key is not 32 letters and digits");
        }
        Optional<UserEntity> existing = findByEmail(user.organizationId(), user.email());
        String digest = keys.digest(user.apiKey());
        Optional<Long> keyHolder = UserEntity.<UserEntity>find("apiKeyDigest", digest).firstResultOptional().map(u -> u.id);
        if (keyHolder.isPresent() && !keyHolder.equals(existing.map(u -> u.id))) {
            throw new IllegalArgumentException("the API key belongs to another user");
        }
        UserEntity entity = existing.orElseGet(UserEntity::new);
        entity.organizationId = user.organizationId();
        entity.email = user.email().strip();
        entity.emailKey = UserEntity.emailKey(user.email());
        entity.fullName = user.fullName();
        entity.role = user.role().zulipValue();
        entity.active = user.active();
        entity.dateJoined = user.dateJoined();
        hashClasses.include(user.organizationId(), user.passwordHash());
        entity.passwordHash = user.passwordHash();
        // Sealing again would only churn the row (a fresh nonce each time) when the key is unchanged.
        if (!digest.equals(entity.apiKeyDigest) || !keys.open(entity.apiKeySealed).map(user.apiKey()::equals).orElse(false)) {
            entity.apiKeyDigest = digest;
            entity.apiKeySealed = keys.seal(user.apiKey());
        }
        entity.legacyPlaintextApiKey = null;
        if (existing.isPresent()) {
            changes.userChanged(entity.id);
            return ImportedUser.Outcome.UPDATED;
        }
        entity.persist();
        changes.userChanged(entity.id);
        return ImportedUser.Outcome.CREATED;
    }

    @Transactional
    public UserAccount setFullName(long userId, String fullName) {
        UserEntity entity = find(userId);
        entity.fullName = fullName;
        changes.userChanged(userId);
        return view(entity);
    }

    @Transactional
    public UserAccount rememberDirectoryUsername(long userId, String username) {
        UserEntity entity = find(userId);
        entity.directoryUsername = username;
        changes.userChanged(userId);
        return view(entity);
    }

    @Transactional
    public UserAccount setActive(long userId, boolean active) {
        UserEntity entity = find(userId);
        entity.active = active;
        changes.userChanged(userId);
        return view(entity);
    }

    /** A new password hash; clears a reset demand, as a password change does in Zulip. */
    @Transactional
    public UserAccount setPasswordHash(long userId, String passwordHash) {
        UserEntity entity = find(userId);
        hashClasses.include(entity.organizationId, passwordHash);
        entity.passwordHash = passwordHash;
        entity.passwordResetRequired = false;
        changes.userChanged(userId);
        return view(entity);
    }

    /**
     * Replaces an outdated hash after a successful login, unless the password changed meanwhile:
     * a concurrent set-password must win over a rehash of the old password.
     */
    @Transactional
    public void upgradePasswordHash(long userId, String expectedOldHash, String newHash) {
        Optional<Long> organizationId = UserEntity.getEntityManager()
                .createQuery("select u.organizationId from UserEntity u where u.id = ?1", Long.class)
                .setParameter(1, userId).getResultStream().findFirst();
        if (organizationId.isEmpty()) {
            return;
        }
        hashClasses.include(organizationId.get(), newHash);
        if (UserEntity.update("passwordHash = ?1 where id = ?2 and passwordHash = ?3", newHash, userId, expectedOldHash) == 1) {
            changes.userChanged(userId);
            hashClasses.recountAfterRehash(organizationId.get());
        }
    }

    @Transactional
    public UserAccount requirePasswordReset(long userId) {
        UserEntity entity = find(userId);
        entity.passwordResetRequired = true;
        changes.userChanged(userId);
        return view(entity);
    }

    /** Replaces the user's API key; the old one stops working at once. */
    @Transactional
    public UserAccount regenerateApiKey(long userId) {
        UserEntity entity = find(userId);
        changes.userChanged(userId);
        return entity.toView(storeNewKey(entity));
    }

    /**
     * The user with a key fetch_api_key can return: the stored one, or, when it no longer opens
     * (the encryption key was replaced), a new one. Converting plaintext keys and indexing keys
     * again after a change of digest key happen at start-up, never here.
     */
    public UserAccount withReadableApiKey(UserAccount user) {
        if (user.apiKey() != null) {
            return user;
        }
        LOG.warnf("The API key of user %d does not open with the configured encryption key; issuing a new one", user.id());
        return regenerateApiKey(user.id());
    }

    /** Up to {@code limit} user ids above {@code after}, in order. */
    @Transactional
    public List<Long> idsAfter(long after, int limit) {
        return UserEntity.<UserEntity>find("id > ?1 order by id", after).page(0, limit).stream().map(u -> u.id).toList();
    }

    /**
     * Makes the digest of each of these users' keys again with the configured digest key where it
     * differs; keys that do not open are left for their users' next login.
     *
     * @return how many digests changed
     */
    @Transactional
    public int reindexApiKeys(List<Long> userIds) {
        int changed = 0;
        for (UserEntity entity : UserEntity.<UserEntity>list("id in ?1", userIds)) {
            Optional<String> key = keys.open(entity.apiKeySealed);
            if (key.isPresent() && !keys.digest(key.get()).equals(entity.apiKeyDigest)) {
                entity.apiKeyDigest = keys.digest(key.get());
                changes.userChanged(entity.id);
                changed++;
            }
        }
        return changed;
    }

    /** Ids of users whose key is still stored in plaintext (from before V3). */
    @Transactional
    public List<Long> withPlaintextKeys() {
        return UserEntity.<UserEntity>list("legacyPlaintextApiKey is not null order by id").stream()
                .map(u -> u.id).toList();
    }

    /**
     * Stores the user's plaintext key as digest and sealed copy and clears the plaintext. Only
     * the update that still sees the plaintext applies, so concurrent runs (server and command
     * line) and a concurrent regeneration never undo each other.
     *
     * @return whether this call converted the key
     */
    @Transactional
    public boolean protectPlaintextKey(long userId) {
        Optional<String> plaintext = UserEntity.<UserEntity>findByIdOptional(userId).map(u -> u.legacyPlaintextApiKey);
        if (plaintext.isEmpty()) {
            return false;
        }
        String key = plaintext.get();
        boolean converted = UserEntity.update("apiKeyDigest = ?1, apiKeySealed = ?2, legacyPlaintextApiKey = null"
                + " where id = ?3 and legacyPlaintextApiKey = ?4", keys.digest(key), keys.seal(key), userId, key) == 1;
        if (converted) {
            changes.userChanged(userId);
        }
        return converted;
    }

    private UserAccount view(UserEntity entity) {
        return entity.toView(keys.open(entity.apiKeySealed).orElse(null));
    }

    /** Generates a key, stores its digest and sealed copy, and returns it. */
    private String storeNewKey(UserEntity entity) {
        String apiKey = ApiKeys.generate();
        entity.apiKeyDigest = keys.digest(apiKey);
        entity.apiKeySealed = keys.seal(apiKey);
        entity.legacyPlaintextApiKey = null;
        return apiKey;
    }

    private static Optional<UserEntity> findByEmail(long organizationId, String email) {
        return UserEntity.<UserEntity>find("organizationId = ?1 and emailKey = ?2", organizationId, UserEntity.emailKey(email))
                .firstResultOptional();
    }

    private static UserEntity find(long userId) {
        return UserEntity.<UserEntity>findByIdOptional(userId)
                .orElseThrow(() -> new IllegalArgumentException("no user with id " + userId));
    }
}
