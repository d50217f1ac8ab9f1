package io.zauth.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.FallbackConfigSourceInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Properties renamed in this release keep working under their old names for one release: a
 * new name that is not set is read under its old one (as a property, system property or
 * environment variable), and a start that uses an old name says so.
 */
public class RenamedProperties extends FallbackConfigSourceInterceptor {

    /** New name → old name. */
    static final Map<String, String> OLD_NAMES = Map.of(
            "zauth.password-hashing.max-concurrent", "zauth.hashing.max-concurrent",
            "zauth.password-hashing.max-wait", "zauth.hashing.max-wait");

    public RenamedProperties() {
        super(name -> OLD_NAMES.getOrDefault(name, name));
    }

    /** The names as the sources have them: an old name is listed only where it is set (and then it is mapped, so known). */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        return context.iterateNames();
    }

    /** The old names that are set, each with its new name. */
    static List<String> oldNamesInUse(Config config) {
        return OLD_NAMES.entrySet().stream()
                .filter(renamed -> config.getConfigValue(renamed.getValue()).getRawValue() != null)
                .map(renamed -> renamed.getValue() + " (now " + renamed.getKey() + ")")
                .sorted()
                .toList();
    }

    /** Warns at start-up, server and command line alike, for each old name still in use. */
    @ApplicationScoped
    static class Warning {
        private static final Logger LOG = Logger.getLogger(RenamedProperties.class);

        void onStart(@Observes StartupEvent event) {
            oldNamesInUse(ConfigProvider.getConfig()).forEach(name -> LOG.warnf(
                    "Configuration property %s is renamed; the old name is read until the next release", name));
        }
    }
}
