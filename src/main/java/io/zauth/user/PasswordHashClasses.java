package io.zauth.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.zauth.cache.AccountChanges;
import io.zauth.org.OrganizationEntity;
import io.zauth.password.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps each organization's {@code password_hash_classes}: the cost classes of the hashes its
 * users hold, read with the organization on every login so that a wrong password is made to
 * cost the costliest of them (password.LoginPasswordCheck). Every write of a hash adds its class
 * in the same transaction; a recount, which drops the classes no user holds any more, runs after
 * each import, after a re-hash at most every ten minutes, and at start-up for organizations not
 * yet counted. Adding and recounting lock the organization's row, so neither loses the other's
 * class.
 */
@ApplicationScoped
public class PasswordHashClasses {

    /** Kinds of hash one organization may hold; Django's PBKDF2 changed its count with every release. */
    public static final int MAX_CLASSES = 32;
    private static final Duration RECOUNT_AFTER_REHASH = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(PasswordHashClasses.class);

    private final AccountChanges changes;
    private final Map<Long, Long> lastRecount = new ConcurrentHashMap<>();

    PasswordHashClasses(AccountChanges changes) {
        this.changes = changes;
    }

    /**
     * Adds the class of a hash about to be stored for a user of the organization, in the caller's
     * transaction.
     *
     * @throws IllegalArgumentException when the organization already holds {@link #MAX_CLASSES} classes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void include(long organizationId, String passwordHash) {
        Optional<String> hashClass = PasswordHasher.costClass(passwordHash);
        if (hashClass.isEmpty()) {
            return;
        }
        List<String> stored = OrganizationEntity.getEntityManager()
                .createQuery("select o.passwordHashClasses from OrganizationEntity o where o.id = ?1", String.class)
                .setParameter(1, organizationId).getResultList();
        // An organization not counted yet is counted whole at start-up.
        if (stored.isEmpty() || stored.get(0) == null || contains(stored.get(0), hashClass.get())) {
            return;
        }
        OrganizationEntity organization = OrganizationEntity.findById(organizationId, LockModeType.PESSIMISTIC_WRITE);
        if (organization.passwordHashClasses == null || contains(organization.passwordHashClasses, hashClass.get())) {
            return;
        }
        Set<String> classes = new TreeSet<>(OrganizationEntity.hashClasses(organization.passwordHashClasses));
        if (classes.size() >= MAX_CLASSES) {
            throw new IllegalArgumentException("the organization already holds " + MAX_CLASSES
                    + " kinds of password hash (algorithm and parameters); zauth keeps no more");
        }
        classes.add(hashClass.get());
        organization.passwordHashClasses = String.join(" ", classes);
        changes.organizationChanged(organizationId);
    }

    /** Counts the classes the organization's users hold now, and stores them if they changed. */
    @Transactional
    public void recount(long organizationId) {
        OrganizationEntity organization = OrganizationEntity.findById(organizationId, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            return;
        }
        Set<String> classes = new TreeSet<>();
        try (var hashes = UserEntity.getEntityManager().createQuery("select u.passwordHash from UserEntity u"
                + " where u.organizationId = ?1 and u.passwordHash is not null", String.class)
                .setParameter(1, organizationId).getResultStream()) {
            hashes.forEach(hash -> PasswordHasher.costClass(hash).ifPresent(classes::add));
        }
        String counted = String.join(" ", classes);
        if (!counted.equals(organization.passwordHashClasses)) {
            organization.passwordHashClasses = counted;
            changes.organizationChanged(organizationId);
        }
        lastRecount.put(organizationId, System.nanoTime());
    }

    /** After a re-hash: the hash it replaced may have been the last of its class. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recountAfterRehash(long organizationId) {
        Long last = lastRecount.get(organizationId);
        if (last == null || System.nanoTime() - last > RECOUNT_AFTER_REHASH.toNanos()) {
            recount(organizationId);
        }
    }

    /** Organizations from before V6 are counted once, before their first login if start-up allows. */
    void countUncounted(@Observes StartupEvent event) {
        List<Long> uncounted = QuarkusTransaction.requiringNew().call(() -> OrganizationEntity.getEntityManager()
                .createQuery("select o.id from OrganizationEntity o where o.passwordHashClasses is null", Long.class).getResultList());
        for (long id : uncounted) {
            QuarkusTransaction.requiringNew().run(() -> recount(id));
        }
        if (!uncounted.isEmpty()) {
            LOG.infof("Counted the kinds of password hash of %d organization(s)", uncounted.size());
        }
    }

    private static boolean contains(String stored, String hashClass) {
        return OrganizationEntity.hashClasses(stored).contains(hashClass);
    }
}
