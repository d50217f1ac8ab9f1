package io.zauth.dev;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Zulip's development login. */
@ConfigMapping(prefix = "zauth.dev-auth")
public interface DevAuthConfig {

    /** Routes POST /api/v1/dev_fetch_api_key and GET /api/v1/dev_list_users: never enable in production. */
    @WithDefault("false")
    boolean enabled();
}
