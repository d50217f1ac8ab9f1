package io.zauth.ldap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.org.DirectoryCatalog;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured directories by name, validated at start-up, connected on first use. */
@Startup
@ApplicationScoped
public class Directories implements DirectoryCatalog {

    private final Map<String, Directory> byName = new TreeMap<>();

    Directories(DirectoriesConfig config, ZauthMetrics metrics) {
        config.directories().forEach((name, settings) -> byName.put(name,
                new Directory(name, settings, metrics::directoryOperation)));
    }

    /** Every configured directory, by name. */
    public Map<String, Directory> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    @Override
    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    public Optional<Directory> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Directory> of(Organization organization) {
        return organization.directoryName().flatMap(this::byName);
    }

    void close(@Observes ShutdownEvent event) {
        byName.values().forEach(Directory::close);
    }
}
