package io.zauth.ratelimit;

import io.zauth.config.ZauthConfig;
import io.zauth.error.ZulipErrors;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.org.Organization;
import io.zauth.ratelimit.AttemptStore.Decision;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Admits a login attempt before any backend runs, per username in its organization (Zulip's
 * authenticate_by_username: every attempt counts, a success clears the count) and per client
 * address (failed attempts only, so that many people behind one address are not locked out by
 * their own successful logins).
 *
 * <p>Usernames are counted case-insensitively and without surrounding blanks, unlike Zulip, which
 * keys on the raw username: varying the case must not buy an attacker a fresh count. Buckets name
 * the username only by its SHA-256, so the store holds no usernames.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private final ZauthConfig.RateLimit config;
    private final AttemptStore store;
    private final ZauthMetrics metrics;

    LoginRateLimiter(ZauthConfig config, AttemptStore store, ZauthMetrics metrics) {
        this.config = config.rateLimit();
        this.store = store;
        this.metrics = metrics;
    }

    /** The organization's limit per username: its own, or the server's. */
    public Limit usernameLimit(Organization organization) {
        return organization.loginRateLimit() != null ? organization.loginRateLimit() : config.username();
    }

    /**
     * Counts the attempt, or refuses it with 429 {@code RATE_LIMIT_HIT}.
     *
     * @param clientAddress null when unknown (no address limit applies)
     */
    public Admission admit(Organization organization, String username, String clientAddress) {
        if (!config.enabled()) {
            return Admission.UNLIMITED;
        }
        Limit userLimit = usernameLimit(organization);
        String userBucket = usernameBucket(organization.id(), username);
        Decision user = acquire(userBucket, userLimit);
        if (!user.allowed()) {
            metrics.rateLimitRejection("username");
            throw refused(userLimit, user);
        }
        if (clientAddress == null) {
            return new Admission(store, userBucket, user, userLimit, null, null, null);
        }
        String addressBucket = "address:" + clientAddress;
        Decision address;
        try {
            address = acquire(addressBucket, config.address());
        } catch (RuntimeException e) {
            store.release(userBucket, user.entry());
            throw e;
        }
        if (!address.allowed()) {
            metrics.rateLimitRejection("address");
            store.release(userBucket, user.entry());
            throw refused(config.address(), address);
        }
        return new Admission(store, userBucket, user, userLimit, addressBucket, address, config.address());
    }

    /** Forgets a username's attempts on an administrator's request. */
    public void reset(Organization organization, String username) {
        store.reset(usernameBucket(organization.id(), username));
    }

    /** Forgets the attempts on every name the user logs in with: after a password change. */
    public void resetUser(Organization organization, UserAccount user) {
        reset(organization, user.email());
        if (user.directoryUsername() != null) {
            reset(organization, user.directoryUsername());
        }
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

    static String usernameBucket(long organizationId, String username) {
        String normalized = username.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "username:" + organizationId + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
