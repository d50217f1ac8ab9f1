package io.zauth.key;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Secrets protecting API keys at rest (README "Keys at rest"); never logged. */
@ConfigMapping(prefix = "zauth.secrets")
public interface KeySecretsConfig {

    /** Base64 of 32 random bytes keying the look-up digest; generated into data-dir on H2 when absent. */
    Optional<String> apiKeyDigestKey();

    /** Base64 of 32 random bytes sealing stored keys (AES-256-GCM); losing it voids every key. */
    Optional<String> apiKeyEncryptionKey();
}
