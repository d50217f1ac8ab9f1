package io.zauth.password;

import io.zauth.metrics.ZauthMetrics;
import io.zauth.password.PasswordHasher.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Checks a login's password so that a failure costs the same whatever the stored hash: an
 * unknown user, a user without a usable password, a current hash, an imported Django hash and a
 * hash above the caps all take as long as a verification of the costliest hash class the
 * organization holds (its recorded password hash classes). Otherwise timing would tell
 * which addresses were imported from Zulip and have not logged in since.
 *
 * <p>One computation per attempt, as before: the user's own hash, or a dummy (of the current
 * class, or of a class whose cost is due to be measured again). A failure then waits, holding no
 * hashing permit, until it has cost the median of the recent verifications of the costliest
 * class. Those medians follow the load, since every verification is measured; a class never
 * computed on this instance is measured with a dummy when first needed.
 */
@ApplicationScoped
public class LoginPasswordCheck {

    /** A class is measured again with a dummy when none of its hashes was verified for this long. */
    private static final long STALE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final String MEASURING_PASSWORD = "zauth measures this hash class";
    private static final Logger LOG = Logger.getLogger(LoginPasswordCheck.class);

    private final PasswordHasher hasher;
    private final HashingGate gate;
    private final ZauthMetrics metrics;
    private final Map<String, Costs> costs = new ConcurrentHashMap<>();

    LoginPasswordCheck(PasswordHasher hasher, HashingGate gate, ZauthMetrics metrics) {
        this.hasher = hasher;
        this.gate = gate;
        this.metrics = metrics;
    }

    /** A user's stored hash, named by the user's id in what is logged about it. */
    public record StoredHash(long userId, String hash) {}

    /**
     * @param organizationClasses the cost classes the organization's users hold, or null before they are counted
     * @param user the hash of the user the attempt names, if it has a usable one; empty for an unknown user or one without
     * @throws HashingGate.HashingBusyException when no hashing turn came in time
     */
    public Verification verify(Set<String> organizationClasses, Optional<StoredHash> user, String password) {
        if (password == null || password.isEmpty()) {
            return Verification.NO_MATCH;
        }
        Optional<String> ownClass = user.flatMap(u -> PasswordHasher.costClass(u.hash()));
        if (user.isPresent() && ownClass.isEmpty() && PasswordHasher.exceedsCaps(user.get().hash())) {
            LOG.errorf("The stored password hash of user %d costs more than zauth computes (README, \"Passwords\");"
                    + " it is never verified: give the user a new password", user.get().userId());
        }
        Set<String> classes = classesToMatch(organizationClasses, ownClass);
        Computed computed = ownClass.isPresent()
                ? compute(ownClass.get(), "user", password, user.get().hash())
                : dummy(dueForMeasuring(classes), password);
        if (computed.verification().matches()) {
            return computed.verification();
        }
        String costliest = costliest(classes);
        long remaining = costs.get(costliest).median() - computed.nanos();
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        metrics.passwordFailure(costliest, Duration.ofNanos(computed.nanos() + Math.max(remaining, 0)));
        return computed.verification();
    }

    /**
     * The organization's classes with the current one, which unknown users cost, and the user's
     * own, which a change not yet seen may have left out. Before the organization is counted
     * (after an upgrade, until start-up counts it), every class this instance has met.
     */
    private Set<String> classesToMatch(Set<String> organizationClasses, Optional<String> ownClass) {
        Set<String> classes = new HashSet<>(organizationClasses == null ? costs.keySet() : organizationClasses);
        classes.add(hasher.currentCostClass());
        ownClass.ifPresent(classes::add);
        return classes;
    }

    /** The class whose cost was measured longest ago, if that is too long ago; else the current one, the cheapest to keep. */
    private String dueForMeasuring(Set<String> classes) {
        String due = hasher.currentCostClass();
        long oldest = Long.MAX_VALUE;
        long now = System.nanoTime();
        for (String hashClass : classes) {
            Costs known = costs.get(hashClass);
            long measured = known == null ? now - 2 * STALE_NANOS : known.lastMeasured();
            if (now - measured > STALE_NANOS && measured < oldest) {
                oldest = measured;
                due = hashClass;
            }
        }
        return due;
    }

    /** The class with the highest median cost, each class measured first if it never was on this instance. */
    private String costliest(Set<String> classes) {
        String costliest = hasher.currentCostClass();
        long highest = -1;
        for (String hashClass : classes) {
            if (!costs.containsKey(hashClass)) {
                dummy(hashClass, MEASURING_PASSWORD);
            }
            long median = costs.get(hashClass).median();
            if (median > highest) {
                highest = median;
                costliest = hashClass;
            }
        }
        return costliest;
    }

    private Computed dummy(String hashClass, String password) {
        return compute(hashClass, "dummy", password, hasher.dummy(hashClass));
    }

    /** One verification on the hashing gate, measured there: the time it waited for a turn is not its cost. */
    private Computed compute(String hashClass, String subject, String password, String hash) {
        return gate.run(() -> metrics.timePasswordVerification(hashClass, subject, () -> {
            long start = System.nanoTime();
            Verification verification = hasher.verify(password, hash);
            long nanos = System.nanoTime() - start;
            costs.computeIfAbsent(hashClass, c -> new Costs()).add(nanos);
            return new Computed(verification, nanos);
        }));
    }

    private record Computed(Verification verification, long nanos) {}

    /** The latest verification times of one class. */
    private static final class Costs {
        private static final int KEPT = 31;
        private final long[] nanos = new long[KEPT];
        private int count;
        private int next;
        private long lastMeasured;

        synchronized void add(long took) {
            nanos[next] = took;
            next = (next + 1) % KEPT;
            count = Math.min(count + 1, KEPT);
            lastMeasured = System.nanoTime();
        }

        synchronized long median() {
            long[] kept = Arrays.copyOf(nanos, count);
            Arrays.sort(kept);
            return kept[count / 2];
        }

        synchronized long lastMeasured() {
            return lastMeasured;
        }
    }
}
