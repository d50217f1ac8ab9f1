package io.zauth.ratelimit;

import io.zauth.error.ZulipErrors;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.ratelimit.AttemptStore.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Limits login attempts per identity and per client address.
 *
 * <p>Per identity (Zulip's authenticate_by_username: every attempt counts, a success clears the
 * count): each backend names the identity whose password it is about to check — an organization's
 * normalized address, a directory's entry — and the attempt is counted against it before the
 * password is checked ({@link Admission#charge}). Zulip keys on the raw username; counting the
 * identity instead means no spelling (case, quotes, Unicode variants, the directory username
 * beside the email) and no second organization on the same directory buys a fresh count.
 * Buckets name the identity only by its SHA-256, so the store holds no usernames.
 *
 * <p>Per client address, failed attempts only, so that many people behind one address are not
 * locked out by their own successful logins; IPv6 addresses are counted per network prefix
 * ({@code zauth.rate-limit.ipv6-prefix-length}, a /64 by default), as one subscriber holds a
 * whole /64.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private final RateLimitConfig config;
    private final AttemptStore store;
    private final ZauthMetrics metrics;
    private final LimitedAddresses addresses;

    LoginRateLimiter(RateLimitConfig config, AttemptStore store, ZauthMetrics metrics, LimitedAddresses addresses) {
        this.config = config;
        this.store = store;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    /** The limit per identity: an organization's own, or the server's when it has none (null). */
    public Limit identityLimit(Limit organizationLimit) {
        return organizationLimit != null ? organizationLimit : config.username();
    }

    /**
     * Admits an attempt: the client address is counted with its first identity (one call to the
     * store for both), or by {@link Admission#checkAddress}; over the address's limit the answer is
     * 429 {@code RATE_LIMIT_HIT}, at once when this process already saw the address refused, so
     * that a limited client costs no directory search.
     *
     * @param organizationLimit the organization's own limit per identity, or null for the server's
     * @param clientAddress null when unknown (no address limit applies)
     */
    public Admission admit(Limit organizationLimit, String clientAddress) {
        if (!config.enabled()) {
            return Admission.unlimited();
        }
        Limit identityLimit = identityLimit(organizationLimit);
        if (clientAddress == null) {
            return new Admission(this, identityLimit, null, null);
        }
        String addressBucket = addresses.bucketOf(clientAddress);
        addresses.refuseIfLimited(addressBucket);
        return new Admission(this, identityLimit, addressBucket, config.address());
    }

    Decision acquireAddress(String bucket, Limit limit) {
        Decision address = acquire(bucket, limit);
        if (!address.allowed()) {
            throw addresses.refused(bucket, address);
        }
        return address;
    }

    /** The address's decision and the identity's, both recorded: a refusal of either throws and records neither. */
    AttemptStore.Decisions acquireAddressAndIdentity(String addressBucket, Limit addressLimit, String identityBucket,
            Limit identityLimit) {
        AttemptStore.Decisions both;
        try {
            both = store.acquireBoth(addressBucket, addressLimit, identityBucket, identityLimit);
        } catch (RateLimiterUnavailableException e) {
            throw ZulipErrors.rateLimiterUnavailable();
        }
        if (!both.first().allowed()) {
            throw addresses.refused(addressBucket, both.first());
        }
        if (!both.second().allowed()) {
            metrics.rateLimitRejection("username");
            throw refused(identityLimit, both.second());
        }
        return both;
    }

    /** Forgets an identity's attempts: an administrator's reset, or a password change. */
    public void reset(String identity) {
        store.reset(bucketOf(identity));
    }

    Decision acquireIdentity(String bucket, Limit limit) {
        Decision decision = acquire(bucket, limit);
        if (!decision.allowed()) {
            metrics.rateLimitRejection("username");
            throw refused(limit, decision);
        }
        return decision;
    }

    AttemptStore store() {
        return store;
    }

    private Decision acquire(String bucket, Limit limit) {
        try {
            return store.acquire(bucket, limit);
        } catch (RateLimiterUnavailableException e) {
            throw ZulipErrors.rateLimiterUnavailable();
        }
    }

    private static RuntimeException refused(Limit limit, Decision decision) {
        return ZulipErrors.rateLimitHit(decision.resetInMillis(),
                Admission.headers(limit.attempts(), 0, decision.resetInMillis()));
    }

    static String bucketOf(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "identity:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
