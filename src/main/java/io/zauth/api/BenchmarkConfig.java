package io.zauth.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What bench/run needs of the server. */
@ConfigMapping(prefix = "zauth.benchmark")
public interface BenchmarkConfig {

    /**
     * Routes GET /api/v1/zauth/benchmark/trivial, an endpoint that does nothing, as the floor
     * bench/run compares users/me with; off, it answers as an unknown endpoint.
     */
    @WithDefault("false")
    boolean trivialEndpoint();
}
