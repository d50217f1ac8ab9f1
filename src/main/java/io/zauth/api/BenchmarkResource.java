package io.zauth.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The floor that bench/run measures GET /api/v1/users/me against: the same server, filters and
 * threading, and a small Zulip-shaped JSON answer, with no work of its own. Unless
 * {@code zauth.benchmark.trivial-endpoint} is on it answers exactly as an unknown endpoint.
 */
@Path("/api/v1/zauth/benchmark/trivial")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    private static final Map<String, String> ANSWER = Map.of("result", "success", "msg", "");

    private final BenchmarkConfig config;

    BenchmarkResource(BenchmarkConfig config) {
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Map<String, String> trivial() {
        if (!config.trivialEndpoint()) {
            throw new NotFoundException();
        }
        return ANSWER;
    }
}
