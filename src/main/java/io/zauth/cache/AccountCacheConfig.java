package io.zauth.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What each instance keeps in memory about users and organizations (README "Several instances"). */
@ConfigMapping(prefix = "zauth.account-cache")
public interface AccountCacheConfig {

    /**
     * Users kept in memory for key checks and logins, least recently and least frequently used
     * dropped first; 0 turns the cache off (every API call then reads the database).
     */
    @WithDefault("100000")
    int maxUsers();

    /**
     * How often each instance reads the changes other instances and the command line made:
     * the longest a change made elsewhere (a regenerated key, a deactivation) may go unseen.
     */
    @WithDefault("250ms")
    Duration pollInterval();

    /**
     * The longest a user or an organization is served from memory before it is read again,
     * whether or not a change was recorded: bounds what a write that bypasses zauth (SQL by
     * hand, a restored backup) leaves behind.
     */
    @WithDefault("60s")
    Duration maxAge();
}
