package io.zauth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.zauth.ratelimit.Limit;
import io.zauth.ratelimit.LimitConverter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server-wide settings under {@code zauth.*}; every property is listed in docs/configuration.md. */
@ConfigMapping(prefix = "zauth")
public interface ZauthConfig {

    /** Domain under which organizations live as subdomains: {@code <org>.<root-domain>}. */
    @WithDefault("localhost")
    String rootDomain();

    /** Subdomains that mean the root domain itself (Zulip's ROOT_SUBDOMAIN_ALIASES). */
    @WithDefault("www")
    List<String> rootSubdomainAliases();

    /** Scheme of the organization URLs that server_settings reports (https behind a TLS proxy). */
    @WithDefault("https")
    String externalScheme();

    /** Where the embedded default keeps its files (the H2 database). */
    @WithDefault("./data")
    String dataDir();

    DevAuth devAuth();

    /** Bounds on password hashing: each Argon2 computation holds its memory while it runs. */
    Hashing hashing();

    interface Hashing {
        /** Computations at once; default the number of cores (more only adds memory and waiting). */
        java.util.OptionalInt maxConcurrent();

        /** How long a request waits for its turn before it gets 503 with Retry-After. */
        @WithDefault("2s")
        java.time.Duration maxWait();
    }

    /** Limits on login attempts, counted before any backend runs. */
    RateLimit rateLimit();

    interface RateLimit {
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

        /** Failed attempts per client address, across usernames and organizations. */
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

    Benchmark benchmark();

    interface Benchmark {
        /**
         * Routes GET /api/v1/zauth/benchmark/trivial, an endpoint that does nothing, as the floor
         * bench/run compares users/me with; off, it answers as an unknown endpoint.
         */
        @WithDefault("false")
        boolean trivialEndpoint();
    }

    /** LDAP directories by name; organizations refer to them. */
    Map<String, io.zauth.ldap.DirectorySettings> directories();

    /** Organizations created or updated at start-up, keyed by subdomain. */
    Map<String, OrganizationDeclaration> organizations();

    interface DevAuth {
        /** Routes POST /api/v1/dev_fetch_api_key: never enable in production. */
        @WithDefault("false")
        boolean enabled();
    }

    interface OrganizationDeclaration {
        /** Serve this organization at the root domain (its subdomain becomes empty). */
        @WithDefault("false")
        boolean root();

        Optional<String> name();

        Optional<String> description();

        Optional<String> iconUrl();

        /** Authentication backends, in the order they are tried. */
        Optional<List<String>> methods();

        Optional<Boolean> requireEmailFormatUsernames();

        Optional<Boolean> deactivated();

        /** Further host names (no port) that resolve to this organization. */
        Optional<List<String>> hosts();

        @WithName("password-min-length")
        Optional<Integer> passwordMinLength();

        /** The directory (a key of zauth.directories) the ldap method binds to. */
        Optional<String> directory();

        /** Login attempts per identity, e.g. 10/15m; "default" follows zauth.rate-limit.username. */
        Optional<String> loginRateLimit();
    }
}
