package io.zauth.key;

import io.zauth.config.ZauthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the one {@link ApiKeyProtection} of the process from {@code zauth.secrets.*} or the embedded file. */
@ApplicationScoped
class ApiKeyProtectionSetup {

    @Produces
    @Singleton
    ApiKeyProtection protection(KeySecretsConfig secrets, ZauthConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind) {
        return new ApiKeyProtection(KeySecretsLoader.load(secrets.apiKeyDigestKey(),
                secrets.apiKeyEncryptionKey(), "h2".equals(dbKind), Path.of(config.dataDir())));
    }
}
