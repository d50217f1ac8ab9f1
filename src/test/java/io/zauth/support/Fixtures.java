package io.zauth.support;

import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.org.Organizations;
import io.zauth.password.PasswordHasher;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Organizations and users for tests, with unique names so tests never see each other's data. */
@ApplicationScoped
public class Fixtures {

    public static final String ROOT_DOMAIN = "zauth.test";
    public static final String PASSWORD = "correct horse battery";

    private final Organizations organizations;
    private final UserAccounts users;
    private final PasswordHasher hasher;

    Fixtures(Organizations organizations, UserAccounts users, PasswordHasher hasher) {
        this.organizations = organizations;
        this.users = users;
        this.hasher = hasher;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String host(Organization organization) {
        return organization.isRoot() ? ROOT_DOMAIN : organization.subdomain() + "." + ROOT_DOMAIN;
    }

    public Organization organization(String... methods) {
        return organizations.create(unique("org"), new OrganizationSettings("Test organization", "A test organization.",
                null, List.of(methods.length == 0 ? new String[] {"email"} : methods), null, null, null, null, null, null));
    }

    /** An organization whose ldap method binds to the named test directory. */
    public Organization directoryOrganization(String directory, String... methods) {
        return directoryOrganizationAt(unique("dir"), directory, methods);
    }

    public Organization directoryOrganizationAt(String subdomain, String directory, String... methods) {
        return organizations.createOrUpdate(subdomain, new OrganizationSettings("Directory organization", null, null,
                List.of(methods.length == 0 ? new String[] {"ldap"} : methods), null, null, null, null, directory, null));
    }

    public Organization update(Organization organization, OrganizationSettings settings) {
        return organizations.update(organization.subdomain(), settings);
    }

    public UserAccount user(Organization organization) {
        return user(organization, unique("user") + "@example.com", PASSWORD, Role.MEMBER);
    }

    public UserAccount user(Organization organization, String email, String password, Role role) {
        return users.create(new NewUser(organization.id(), email, "Test User", role, password == null ? null : hasher.hash(password)));
    }

    /** A user whose stored hash is the given one, as an import from Zulip would leave it. */
    public UserAccount userWithHash(Organization organization, String passwordHash) {
        return users.create(new NewUser(organization.id(), unique("imported") + "@example.com", "Imported User",
                Role.MEMBER, passwordHash));
    }

    public UserAccounts users() {
        return users;
    }

    public Organizations organizations() {
        return organizations;
    }
}
