package io.zauth.health;

import io.zauth.ldap.Directories;
import io.zauth.ldap.Directory;
import io.zauth.ldap.DirectoryUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of every configured directory: a fresh connection, StartTLS and the service bind,
 * each answer within two seconds. The data names each directory with UP or what failed, so
 * an operator sees at once which one is down.
 */
@Readiness
@ApplicationScoped
public class DirectoriesReadiness implements HealthCheck {

    private final Directories directories;

    DirectoriesReadiness(Directories directories) {
        this.directories = directories;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("LDAP directories").up();
        for (Directory directory : directories.all().values()) {
            try {
                directory.probe();
                response.withData(directory.name(), "UP");
            } catch (DirectoryUnavailableException e) {
                response.withData(directory.name(), "DOWN - " + e.reason()).down();
            }
        }
        return response.build();
    }
}
