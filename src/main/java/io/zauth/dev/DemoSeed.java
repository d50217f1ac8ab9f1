package io.zauth.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.zauth.org.Organization;
import io.zauth.org.Organizations;
import io.zauth.password.PasswordHasher;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccounts;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Development mode only: demo people in the demo organization, as Zulip's development server has.
 * Production builds do not contain this bean.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoSeed {

    static final String DEMO_SUBDOMAIN = "zulip";
    static final String DEMO_PASSWORD = "abcd1234";
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);
    private static final List<Person> PEOPLE = List.of(
            new Person("iago@zulip.com", "Iago", Role.OWNER),
            new Person("desdemona@zulip.com", "Desdemona", Role.ADMIN),
            new Person("hamlet@zulip.com", "King Hamlet", Role.MEMBER),
            new Person("othello@zulip.com", "Othello, the Moor of Venice", Role.MEMBER),
            new Person("cordelia@zulip.com", "Cordelia, Lear's daughter", Role.MEMBER),
            new Person("polonius@zulip.com", "Polonius", Role.GUEST));

    private final Organizations organizations;
    private final UserAccounts users;
    private final PasswordHasher hasher;

    DemoSeed(Organizations organizations, UserAccounts users, PasswordHasher hasher) {
        this.organizations = organizations;
        this.users = users;
        this.hasher = hasher;
    }

    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        Organization demo = organizations.bySubdomain(DEMO_SUBDOMAIN)
                .orElseThrow(() -> new IllegalStateException("the demo organization is not declared"));
        for (Person person : PEOPLE) {
            if (users.byEmail(demo.id(), person.email()).isEmpty()) {
                users.create(new NewUser(demo.id(), person.email(), person.fullName(), person.role(), hasher.hash(DEMO_PASSWORD)));
                LOG.infof("Demo user %s created", person.email());
            }
        }
    }

    private record Person(String email, String fullName, Role role) {}
}
