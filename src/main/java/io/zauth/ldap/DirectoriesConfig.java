package io.zauth.ldap;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** The LDAP directories by name; organizations refer to them (docs/configuration.md, "Directories"). */
@ConfigMapping(prefix = "zauth")
public interface DirectoriesConfig {

    Map<String, DirectorySettings> directories();
}
