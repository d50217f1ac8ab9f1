package io.zauth.org;

import io.zauth.cache.AccountCache;
import io.zauth.cache.AccountChanges;
import io.zauth.ratelimit.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The organizations stored in the database; every method is one short transaction. */
@ApplicationScoped
public class Organizations {

    private static final Pattern SUBDOMAIN = Pattern.compile("|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final String HOST_QUERY = "select o from OrganizationEntity o join o.hosts h where h = ?1";
    private static final List<String> DEFAULT_METHODS = List.of("email");

    private final AuthenticationMethods methods;
    private final DirectoryCatalog directories;
    private final AccountCache cache;
    private final AccountChanges changes;

    Organizations(AuthenticationMethods methods, DirectoryCatalog directories, AccountCache cache, AccountChanges changes) {
        this.methods = methods;
        this.directories = directories;
        this.cache = cache;
        this.changes = changes;
    }

    public static boolean isValidSubdomain(String subdomain) {
        return SUBDOMAIN.matcher(subdomain).matches();
    }

    /** Look-ups by subdomain, host and id are answered from the account cache when they can be. */
    public Optional<Organization> bySubdomain(String subdomain) {
        return cache.organization("subdomain:" + subdomain, () -> OrganizationEntity.<OrganizationEntity>find("subdomain", subdomain)
                .firstResultOptional().map(OrganizationEntity::toView));
    }

    public Optional<Organization> byHost(String host) {
        return cache.organization("host:" + host, () -> OrganizationEntity.<OrganizationEntity>find(HOST_QUERY, host)
                .firstResultOptional().map(OrganizationEntity::toView));
    }

    public Optional<Organization> byId(long id) {
        return cache.organization("id:" + id, () -> OrganizationEntity.<OrganizationEntity>findByIdOptional(id).map(OrganizationEntity::toView));
    }

    /** The organization, or a clear failure for the command line. */
    @Transactional
    public Organization require(String subdomain) {
        return find(subdomain).toView();
    }

    @Transactional
    public List<Organization> list() {
        return OrganizationEntity.<OrganizationEntity>listAll().stream()
                .map(OrganizationEntity::toView)
                .sorted(java.util.Comparator.comparing(Organization::subdomain))
                .toList();
    }

    /** Creates an organization; fails with a clear message when the subdomain is taken. */
    @Transactional
    public Organization create(String subdomain, OrganizationSettings settings) {
        requireValidSubdomain(subdomain);
        if (OrganizationEntity.count("subdomain", subdomain) > 0) {
            throw new IllegalArgumentException("organization '" + subdomain + "' already exists");
        }
        OrganizationEntity entity = new OrganizationEntity();
        entity.subdomain = subdomain;
        entity.name = subdomain.isEmpty() ? "zauth" : subdomain;
        entity.methods(DEFAULT_METHODS);
        entity.dateCreated = Instant.now();
        apply(entity, settings);
        entity.persist();
        changes.organizationChanged(entity.id);
        return entity.toView();
    }

    @Transactional
    public Organization update(String subdomain, OrganizationSettings settings) {
        OrganizationEntity entity = find(subdomain);
        apply(entity, settings);
        changes.organizationChanged(entity.id);
        return entity.toView();
    }

    /** Creates the organization or brings it to the given settings: declarations in configuration. */
    @Transactional
    public Organization createOrUpdate(String subdomain, OrganizationSettings settings) {
        return OrganizationEntity.count("subdomain", subdomain) == 0 ? create(subdomain, settings) : update(subdomain, settings);
    }

    @Transactional
    public Organization setDeactivated(String subdomain, boolean deactivated) {
        OrganizationEntity entity = find(subdomain);
        entity.deactivated = deactivated;
        changes.organizationChanged(entity.id);
        return entity.toView();
    }

    OrganizationEntity find(String subdomain) {
        return OrganizationEntity.<OrganizationEntity>find("subdomain", subdomain).firstResultOptional()
                .orElseThrow(() -> new IllegalArgumentException("no organization '" + subdomain + "'"));
    }

    private void apply(OrganizationEntity entity, OrganizationSettings s) {
        if (s.name() != null) {
            entity.name = requireText("name", s.name(), 255);
        }
        if (s.description() != null) {
            entity.description = requireLength("description", s.description(), 4000);
        }
        if (s.iconUrl() != null) {
            entity.iconUrl = s.iconUrl().isBlank() ? null : requireLength("icon URL", s.iconUrl(), 2048);
        }
        if (s.methods() != null) {
            entity.methods(validMethods(s.methods()));
        }
        if (s.emailFormatRule() != null) {
            entity.requireEmailFormatUsernames = s.emailFormatRule().toColumn();
        }
        if (s.deactivated() != null) {
            entity.deactivated = s.deactivated();
        }
        if (s.hosts() != null) {
            entity.hosts.clear();
            entity.hosts.addAll(validHosts(entity, s.hosts()));
        }
        if (s.directory() != null) {
            if (!s.directory().isBlank() && !directories.exists(s.directory())) {
                throw new IllegalArgumentException("no directory '" + s.directory() + "' is configured (zauth.directories)");
            }
            entity.directory = s.directory().isBlank() ? null : s.directory();
        }
        if (s.loginRateLimit() != null) {
            Limit limit = s.loginRateLimit().strip().equals(OrganizationSettings.DEFAULT_LIMIT) ? null
                    : Limit.parse(s.loginRateLimit());
            entity.loginRateLimitAttempts = limit == null ? null : limit.attempts();
            entity.loginRateLimitWindowSeconds = limit == null ? null : (int) limit.window().toSeconds();
        }
        if (s.passwordMinLength() != null) {
            if (s.passwordMinLength() < 1 || s.passwordMinLength() > 1024) {
                throw new IllegalArgumentException("password minimum length must be between 1 and 1024");
            }
            entity.passwordMinLength = s.passwordMinLength();
        }
    }

    private List<String> validMethods(List<String> names) {
        List<String> cleaned = names.stream().map(String::trim).filter(m -> !m.isEmpty()).distinct().toList();
        for (String method : cleaned) {
            if (!methods.exists(method)) {
                throw new IllegalArgumentException("unknown authentication method '" + method
                        + "' (known: " + String.join(", ", methods.names()) + ")");
            }
        }
        return cleaned;
    }

    private static Set<String> validHosts(OrganizationEntity owner, Set<String> hosts) {
        Set<String> cleaned = new HashSet<>();
        for (String raw : hosts) {
            String host = raw.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + raw + "' is not a host name");
            }
            Optional<OrganizationEntity> other = OrganizationEntity.<OrganizationEntity>find(HOST_QUERY, host).firstResultOptional();
            if (other.isPresent() && !other.get().id.equals(owner.id)) {
                throw new IllegalArgumentException("host '" + host + "' already belongs to another organization");
            }
            cleaned.add(host);
        }
        return cleaned;
    }

    private static void requireValidSubdomain(String subdomain) {
        if (!isValidSubdomain(subdomain)) {
            throw new IllegalArgumentException("'" + subdomain
                    + "' is not a valid subdomain (lower-case letters, digits and inner hyphens, at most 63)");
        }
    }

    private static String requireText(String what, String value, int max) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return requireLength(what, value.trim(), max);
    }

    private static String requireLength(String what, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return value;
    }
}
