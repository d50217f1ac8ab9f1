package io.zauth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Where zauth is served and keeps its files; every feature reads its own group (rate limits,
 * directories, password hashing, …). Every property is listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "zauth")
public interface ZauthConfig {

    /** Domain under which organizations live as subdomains: {@code <org>.<root-domain>}. */
    @WithDefault("localhost")
    String rootDomain();

    /** Subdomains that mean the root domain itself (Zulip's ROOT_SUBDOMAIN_ALIASES). */
    @WithDefault("www")
    List<String> rootSubdomainAliases();

    /** Scheme of the organization URLs that server_settings reports (https behind a TLS proxy). */
    @WithDefault("https")
    String externalScheme();

    /** Where the embedded default keeps its files (the H2 database). */
    @WithDefault("./data")
    String dataDir();
}
