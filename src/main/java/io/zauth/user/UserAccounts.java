package io.zauth.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zauth.key.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users stored in the database; every method is one short transaction. */
@ApplicationScoped
public class UserAccounts {

    @Transactional
    public Optional<UserAccount> byEmail(long organizationId, String email) {
        return findByEmail(organizationId, email).map(UserEntity::toView);
    }

    @Transactional
    public Optional<UserAccount> byId(long id) {
        return UserEntity.<UserEntity>findByIdOptional(id).map(UserEntity::toView);
    }

    @Transactional
    public Optional<UserAccount> byApiKey(String apiKey) {
        return UserEntity.<UserEntity>find("apiKey", apiKey).firstResultOptional().map(UserEntity::toView);
    }

    @Transactional
    public List<UserAccount> list(long organizationId) {
        return UserEntity.<UserEntity>list("organizationId = ?1 order by id", organizationId).stream()
                .map(UserEntity::toView).toList();
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
        entity.passwordHash = user.passwordHash();
        entity.apiKey = ApiKeys.generate();
        entity.persist();
        return entity.toView();
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

    @Transactional
    public UserAccount setFullName(long userId, String fullName) {
        UserEntity entity = find(userId);
        entity.fullName = fullName;
        return entity.toView();
    }

    @Transactional
    public UserAccount rememberDirectoryUsername(long userId, String username) {
        UserEntity entity = find(userId);
        entity.directoryUsername = username;
        return entity.toView();
    }

    @Transactional
    public UserAccount setActive(long userId, boolean active) {
        UserEntity entity = find(userId);
        entity.active = active;
        return entity.toView();
    }

    /** A new password hash; clears a reset demand, as a password change does in Zulip. */
    @Transactional
    public UserAccount setPasswordHash(long userId, String passwordHash) {
        UserEntity entity = find(userId);
        entity.passwordHash = passwordHash;
        entity.passwordResetRequired = false;
        return entity.toView();
    }

    /**
     * Replaces an outdated hash after a successful login, unless the password changed meanwhile:
     * a concurrent set-password must win over a rehash of the old password.
     */
    @Transactional
    public void upgradePasswordHash(long userId, String expectedOldHash, String newHash) {
        UserEntity.update("passwordHash = ?1 where id = ?2 and passwordHash = ?3", newHash, userId, expectedOldHash);
    }

    @Transactional
    public UserAccount requirePasswordReset(long userId) {
        UserEntity entity = find(userId);
        entity.passwordResetRequired = true;
        return entity.toView();
    }

    /** Replaces the user's API key; the old one stops working at once. */
    @Transactional
    public UserAccount regenerateApiKey(long userId) {
        UserEntity entity = find(userId);
        entity.apiKey = ApiKeys.generate();
        return entity.toView();
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
