package io.zauth.org;

import java.util.List;
import java.util.Set;

/**
 * Settings to create or change an organization; a null field is left as it is
 * (or takes its default on creation).
 */
public record OrganizationSettings(
        String name,
        String description,
        String iconUrl,
        List<String> methods,
        EmailFormatRule emailFormatRule,
        Boolean deactivated,
        Set<String> hosts,
        Integer passwordMinLength,
        String directory,
        String loginRateLimit) {

    /** The value of {@link #loginRateLimit} that returns an organization to the server's limit. */
    public static final String DEFAULT_LIMIT = "default";

    public static OrganizationSettings none() {
        return new OrganizationSettings(null, null, null, null, null, null, null, null, null, null);
    }
}
