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
        String directory) {

    public static OrganizationSettings none() {
        return new OrganizationSettings(null, null, null, null, null, null, null, null, null);
    }
}
