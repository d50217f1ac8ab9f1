package io.zauth.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import io.zauth.ratelimit.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 63)
    public String subdomain;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description = "";

    @Column(name = "icon_url", length = 2048)
    public String iconUrl;

    /** Backend names in the order they are tried, comma-separated. */
    @Column(name = "auth_methods", nullable = false)
    public String authMethods;

    /** Null means derived from the backends (Zulip's require_email_format_usernames). */
    @Column(name = "require_email_format_usernames")
    public Boolean requireEmailFormatUsernames;

    @Column(nullable = false)
    public boolean deactivated;

    @Column(name = "password_min_length", nullable = false)
    public int passwordMinLength = Organization.DEFAULT_PASSWORD_MIN_LENGTH;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    /** Name of the configured directory for the ldap backend. */
    @Column(length = 255)
    public String directory;

    @Column(name = "login_rate_limit_attempts")
    public Integer loginRateLimitAttempts;

    @Column(name = "login_rate_limit_window_seconds")
    public Integer loginRateLimitWindowSeconds;

    /**
     * The cost classes of the users' stored password hashes, space-separated ({@code PasswordHasher.costClass}):
     * what a wrong password must cost in this organization. Null until counted (user.PasswordHashClasses).
     */
    @Column(name = "password_hash_classes", length = 2000)
    public String passwordHashClasses = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "organization_host", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "host", nullable = false, unique = true, length = 253)
    public Set<String> hosts = new HashSet<>();

    public List<String> methods() {
        return authMethods.isBlank() ? List.of() : Arrays.asList(authMethods.split(","));
    }

    public void methods(List<String> methods) {
        authMethods = String.join(",", methods);
    }

    Organization toView() {
        return new Organization(id, subdomain, name, description, iconUrl, List.copyOf(methods()),
                requireEmailFormatUsernames, deactivated, Set.copyOf(hosts), passwordMinLength, directory,
                loginRateLimitAttempts == null ? null
                        : new Limit(loginRateLimitAttempts, Duration.ofSeconds(loginRateLimitWindowSeconds)),
                passwordHashClasses == null ? null : hashClasses(passwordHashClasses));
    }

    public static Set<String> hashClasses(String stored) {
        return stored.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(stored.strip().split(" +")));
    }
}
