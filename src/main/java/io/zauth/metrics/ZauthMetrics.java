package io.zauth.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * zauth's own metrics, on /q/metrics with Quarkus's HTTP and JVM metrics. Labels take values from
 * small fixed sets (Zulip error codes, backend and directory names, operation names) or from the
 * operator's organizations; never usernames, addresses or hosts a client made up.
 */
@ApplicationScoped
public class ZauthMetrics {

    /** The organization label of a request whose Host names none. */
    public static final String UNKNOWN_ORGANIZATION = "(unknown)";

    /**
     * Directory latency buckets: a healthy directory answers in milliseconds, a failing one in its
     * connect or read timeout (seconds); a fixed dozen keeps the series per directory few.
     */
    private static final Duration[] DIRECTORY_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Timer fetchApiKey;
    /** Registered once per outcome: a check runs on every API call. */
    private final Map<String, Counter> apiKeyChecks = new ConcurrentHashMap<>();

    ZauthMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fetchApiKey = Timer.builder("zauth.fetch_api_key").description("fetch_api_key handling time, whatever the answer")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * @param outcome {@code success} or the Zulip error code of the answer
     * @param backend the backend that decided, or {@code none}
     */
    public void loginAttempt(String organization, String backend, String outcome) {
        Counter.builder("zauth.login.attempts").description("fetch_api_key attempts by organization, backend and outcome")
                .tag("organization", organization == null ? UNKNOWN_ORGANIZATION : organization)
                .tag("backend", backend == null ? "none" : backend)
                .tag("outcome", outcome == null ? "error" : outcome)
                .register(registry).increment();
    }

    public void fetchApiKeyDuration(Duration elapsed) {
        fetchApiKey.record(elapsed);
    }

    /**
     * Times one password verification, whatever its result.
     *
     * @param hashClass the algorithm and parameters computed ({@code PasswordHasher.costClass}), a value from the operator's imports
     * @param subject {@code user} (the user's own hash) or {@code dummy} (one computed for its cost)
     */
    public <T> T timePasswordVerification(String hashClass, String subject, Supplier<T> verification) {
        return Timer.builder("zauth.password.verification").description("password hash verification time")
                .tag("hash", hashClass).tag("subject", subject).publishPercentileHistogram().register(registry)
                .record(verification);
    }

    /**
     * A failed password check, from its verification to the end of the wait that made it cost what
     * the organization's costliest hash class costs.
     */
    public void passwordFailure(String paddedTo, Duration elapsed) {
        Timer.builder("zauth.password.failures").description("failed password checks, made to cost the costliest hash class present")
                .tag("padded_to", paddedTo).register(registry).record(elapsed);
    }

    /**
     * Counts a directory operation and times it, whatever its outcome: an unavailable directory
     * shows as the connect or read timeout it took.
     *
     * @param operation {@code find}, {@code bind}, {@code read} or {@code probe}
     * @param outcome {@code found}, {@code not_found}, {@code accepted}, {@code refused}, {@code ok} or {@code unavailable}
     */
    public void directoryOperation(String directory, String operation, String outcome, Duration elapsed) {
        Counter.builder("zauth.directory.operations").description("directory operations by outcome")
                .tag("directory", directory).tag("operation", operation).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("zauth.directory.operation").description("directory operation time by outcome")
                .tag("directory", directory).tag("operation", operation).tag("outcome", outcome)
                .serviceLevelObjectives(DIRECTORY_BUCKETS).register(registry).record(elapsed);
    }

    /** @param limit {@code username} or {@code address} */
    public void rateLimitRejection(String limit) {
        Counter.builder("zauth.rate_limit.rejections").description("login attempts refused by a rate limit")
                .tag("limit", limit).register(registry).increment();
    }

    /** @param outcome {@code success} or what refused the key ({@code invalid_api_key}, …) */
    public void apiKeyCheck(String outcome) {
        apiKeyChecks.computeIfAbsent(outcome, o -> Counter.builder("zauth.api_key.checks")
                .description("HTTP Basic API-key checks by outcome").tag("outcome", o).register(registry)).increment();
    }

    /**
     * Time since the changes made elsewhere were last read successfully, and the time after which
     * memory is no longer served: above it, every API call and login reads the database.
     *
     * @param lastRead {@link System#nanoTime()} at the start of the last successful read
     */
    public void accountCacheAge(LongSupplier lastRead, Duration staleAfter) {
        TimeGauge.builder("zauth.account_cache.age", () -> System.nanoTime() - lastRead.getAsLong(), TimeUnit.NANOSECONDS)
                .description("time since the account changes were last read successfully").register(registry);
        TimeGauge.builder("zauth.account_cache.stale_after", staleAfter::toNanos, TimeUnit.NANOSECONDS)
                .description("age beyond which the account cache serves nothing from memory").register(registry);
    }

    /**
     * How busy password hashing is: computations running, logins waiting for a turn (refused with
     * SERVER_BUSY when the wait runs out) and the most that run at once.
     */
    public void passwordHashing(IntSupplier inProgress, IntSupplier waiting, int maxConcurrent) {
        Gauge.builder("zauth.password_hashing.in_progress", inProgress::getAsInt)
                .description("password computations running").register(registry);
        Gauge.builder("zauth.password_hashing.waiting", waiting::getAsInt)
                .description("password checks waiting for a hashing turn").register(registry);
        Gauge.builder("zauth.password_hashing.max_concurrent", () -> maxConcurrent)
                .description("password computations allowed at once (zauth.password-hashing.max-concurrent)")
                .register(registry);
    }
}
