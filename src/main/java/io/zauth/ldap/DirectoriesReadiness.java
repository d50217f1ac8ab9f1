package io.zauth.ldap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of every configured directory: a fresh connection, StartTLS and the service bind,
 * each answer within two seconds. The data names each directory with UP or what failed, so
 * an operator sees at once which one is down.
 *
 * <p>A probe's answer, UP or DOWN, stands for {@link #PROBE_VALIDITY}: however many readiness
 * requests arrive (balancers, orchestrators, several of each), a directory sees at most one
 * probe connection and bind per validity from this instance, and requests that arrive during a
 * probe wait for its answer rather than start their own. DOWN is kept as long as UP, or a dead
 * directory would be probed by every request, each waiting out its timeouts.
 */
@Readiness
@ApplicationScoped
public class DirectoriesReadiness implements HealthCheck {

    /**
     * Shorter than the usual probe periods (Kubernetes 10 s, most balancers 5 s or more), so a
     * scheduled check normally sees a fresh answer and a directory that came back reads UP
     * within five seconds; long enough that a flood of requests costs a directory one bind
     * every five seconds.
     */
    static final Duration PROBE_VALIDITY = Duration.ofSeconds(5);

    private static final String UP = "UP";

    private final Directories directories;
    private final Cache<String, String> answers = Caffeine.newBuilder().expireAfterWrite(PROBE_VALIDITY).build();

    DirectoriesReadiness(Directories directories) {
        this.directories = directories;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("LDAP directories").up();
        for (Directory directory : directories.all().values()) {
            String answer = answers.get(directory.name(), name -> probe(directory));
            response.withData(directory.name(), answer);
            if (!answer.equals(UP)) {
                response.down();
            }
        }
        return response.build();
    }

    private static String probe(Directory directory) {
        try {
            directory.probe();
            return UP;
        } catch (DirectoryUnavailableException e) {
            return "DOWN - " + e.reason();
        }
    }
}
