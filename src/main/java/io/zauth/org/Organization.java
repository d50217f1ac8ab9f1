package io.zauth.org;

import io.zauth.ratelimit.Limit;
import java.util.List;
import java.util.Set;

/**
 * An organization (Zulip's realm) as the request path sees it: an immutable snapshot.
 *
 * @param subdomain empty for the organization served at the root domain
 * @param methods authentication backend names in the order they are tried
 * @param requireEmailFormatUsernames explicit setting, or null to derive it from the backends
 * @param loginRateLimit the organization's own limit on attempts per identity, or null for the server's
 * @param passwordHashClasses the cost classes of its users' stored hashes ({@code PasswordHasher.costClass}), a
 *     superset kept by every write of a hash; null until first counted (an organization from before V6)
 */
public record Organization(
        long id,
        String subdomain,
        String name,
        String description,
        String iconUrl,
        List<String> methods,
        Boolean requireEmailFormatUsernames,
        boolean deactivated,
        Set<String> hosts,
        int passwordMinLength,
        String directory,
        Limit loginRateLimit,
        Set<String> passwordHashClasses) {

    public static final int DEFAULT_PASSWORD_MIN_LENGTH = 6;

    public boolean hasMethod(String method) {
        return methods.contains(method);
    }

    /** The configured directory the {@code ldap} backend binds to, or null. */
    public java.util.Optional<String> directoryName() {
        return java.util.Optional.ofNullable(directory);
    }

    public boolean isRoot() {
        return subdomain.isEmpty();
    }
}
