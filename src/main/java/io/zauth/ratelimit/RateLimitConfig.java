package io.zauth.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Limits on login attempts (README "Rate limits"). */
@ConfigMapping(prefix = "zauth.rate-limit")
public interface RateLimitConfig {

    /** Off only for benchmarks and tests that measure something else. */
    @WithDefault("true")
    boolean enabled();

    /** memory (one instance) or redis (quarkus.redis.hosts; every instance shares the counts). */
    @WithDefault("memory")
    Store store();

    enum Store {
        MEMORY, REDIS
    }

    /**
     * Attempts per identity (Zulip's authenticate_by_username): an organization's normalized
     * address, or a directory entry across the organizations that share it; every attempt counts
     * and a success clears the count. An organization may set its own.
     */
    @WithDefault("5/30m")
    @WithConverter(LimitConverter.class)
    Limit username();

    /** Failed attempts per client address, across usernames and organizations: failed logins and failed API-key checks. */
    @WithDefault("100/10m")
    @WithConverter(LimitConverter.class)
    Limit address();

    /**
     * IPv6 clients are counted per network of this prefix length (one holder of a /64 has 2^64
     * addresses); IPv4 clients per address.
     */
    @WithDefault("64")
    int ipv6PrefixLength();

    /**
     * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed; without
     * any, the client address is the connection's peer.
     */
    Optional<List<String>> trustedProxies();
}
