package io.zauth.ldap;

import io.zauth.org.Organization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which directory people may use an organization: Zulip's org_membership attribute and
 * AUTH_LDAP_ADVANCED_REALM_ACCESS_CONTROL (any group whose pairs are all present admits).
 */
final class AccessRules {

    private final Optional<String> membershipAttribute;
    private final Map<String, List<String>> groupsByOrganization;

    AccessRules(DirectorySettings settings) {
        this.membershipAttribute = settings.orgMembershipAttribute();
        this.groupsByOrganization = settings.accessControl();
    }

    /** Every attribute the rules read. */
    Set<String> attributes() {
        Set<String> attributes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        membershipAttribute.ifPresent(attributes::add);
        groupsByOrganization.values().forEach(groups -> groups.forEach(group -> {
            for (String pair : group.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    attributes.add(pair.substring(0, equals).trim());
                }
            }
        }));
        return attributes;
    }

    boolean admits(DirectoryEntry entry, Organization organization) {
        if (membershipAttribute.isPresent()) {
            List<String> memberships = entry.all(membershipAttribute.get());
            if (memberships.contains(organization.subdomain())) {
                return true;
            }
            if (groupsByOrganization.isEmpty()) {
                return false;
            }
        }
        List<String> groups = groupsByOrganization.get(organization.subdomain());
        return groups == null || groups.stream().anyMatch(group -> allPresent(entry, group));
    }

    private static boolean allPresent(DirectoryEntry entry, String group) {
        for (String pair : group.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || !entry.all(pair.substring(0, equals).trim()).contains(pair.substring(equals + 1).trim())) {
                return false;
            }
        }
        return true;
    }
}
