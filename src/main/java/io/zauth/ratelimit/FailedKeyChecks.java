package io.zauth.ratelimit;

import io.zauth.ratelimit.AttemptStore.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Failed API-key checks (a wrong or malformed key, an unreadable Basic header) drawn on the same
 * per-address count as failed logins, so that guessing keys on {@code users/me} or through a proxy's
 * forward authentication buys no more attempts than guessing passwords does.
 *
 * <p>Every API call and every forwarded request checks a key, so a right key costs no round trip
 * to the shared store: only a failure is counted there. An address found over its limit, here or
 * by a login, is refused with 429 before its key is looked at, right keys included, as a login
 * from it would be ({@link LimitedAddresses}).
 */
@ApplicationScoped
public class FailedKeyChecks {

    private static final Logger LOG = Logger.getLogger(FailedKeyChecks.class);

    private final RateLimitConfig config;
    private final AttemptStore store;
    private final LimitedAddresses addresses;

    FailedKeyChecks(RateLimitConfig config, AttemptStore store, LimitedAddresses addresses) {
        this.config = config;
        this.store = store;
        this.addresses = addresses;
    }

    /**
     * Refuses a check from an address known to be over its limit. The address is only worked out
     * when some address is limited: a right key's check never parses it.
     *
     * @param clientAddress gives null when unknown (no limit applies)
     */
    public void admit(Supplier<String> clientAddress) {
        if (!config.enabled() || addresses.none()) {
            return;
        }
        String address = clientAddress.get();
        if (address != null) {
            addresses.refuseIfLimited(addresses.bucketOf(address));
        }
    }

    /**
     * Counts a failed check against its address; refuses it with 429 when that puts the address
     * over its limit. When the shared store cannot be reached the failure is not counted: the
     * check is refused anyway, and right keys must keep working while Redis is away.
     *
     * @param clientAddress gives null when unknown (no limit applies)
     */
    public void failed(Supplier<String> clientAddress) {
        String address = config.enabled() ? clientAddress.get() : null;
        if (address == null) {
            return;
        }
        String bucket = addresses.bucketOf(address);
        Decision decision;
        try {
            decision = store.acquire(bucket, config.address());
        } catch (RateLimiterUnavailableException e) {
            LOG.debugf("a failed key check was not counted: %s", e.getMessage());
            return;
        }
        if (!decision.allowed()) {
            throw addresses.refused(bucket, decision);
        }
    }
}
