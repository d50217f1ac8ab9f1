package io.zauth.org;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organizations declared in configuration, created or updated at start-up. */
@ConfigMapping(prefix = "zauth")
public interface OrganizationsConfig {

    /** Organizations created or updated at start-up, keyed by subdomain. */
    Map<String, OrganizationDeclaration> organizations();

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
