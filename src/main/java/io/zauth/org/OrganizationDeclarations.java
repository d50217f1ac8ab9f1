package io.zauth.org;

import io.quarkus.runtime.StartupEvent;
import io.zauth.org.OrganizationsConfig.OrganizationDeclaration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Creates or updates the organizations declared under {@code zauth.organizations.*} at start-up. */
@ApplicationScoped
public class OrganizationDeclarations {

    private static final Logger LOG = Logger.getLogger(OrganizationDeclarations.class);

    private final Organizations organizations;
    private final OrganizationsConfig config;

    OrganizationDeclarations(Organizations organizations, OrganizationsConfig config) {
        this.organizations = organizations;
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        for (Map.Entry<String, OrganizationDeclaration> entry : config.organizations().entrySet()) {
            OrganizationDeclaration declared = entry.getValue();
            String subdomain = declared.root() ? "" : entry.getKey();
            organizations.createOrUpdate(subdomain, settingsOf(declared));
            LOG.debugf("Applied declared organization '%s'", subdomain);
        }
    }

    static OrganizationSettings settingsOf(OrganizationDeclaration d) {
        return new OrganizationSettings(
                d.name().orElse(null),
                d.description().orElse(null),
                d.iconUrl().orElse(null),
                d.methods().orElse(null),
                d.requireEmailFormatUsernames().map(v -> v ? EmailFormatRule.REQUIRED : EmailFormatRule.NOT_REQUIRED)
                        .orElse(null),
                d.deactivated().orElse(null),
                d.hosts().map(Set::copyOf).orElse(null),
                d.passwordMinLength().orElse(null),
                d.directory().orElse(null),
                d.loginRateLimit().orElse(null));
    }
}
