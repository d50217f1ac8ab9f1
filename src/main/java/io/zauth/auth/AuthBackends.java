package io.zauth.auth;

import io.zauth.org.AuthenticationMethods;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link AuthBackend} bean, by name. */
@ApplicationScoped
public class AuthBackends implements AuthenticationMethods {

    private final Map<String, AuthBackend> byName;

    @Inject
    AuthBackends(@Any Instance<AuthBackend> backends) {
        this(backends.stream().toList());
    }

    /** These backends, by name: for a chain assembled outside the container. */
    public AuthBackends(Collection<AuthBackend> backends) {
        this.byName = backends.stream()
                .collect(Collectors.toMap(AuthBackend::name, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two authentication backends are named '" + a.name() + "'");
                }, TreeMap::new));
    }

    /** The organization's backends that log in by username, in the order its method list names them. */
    public List<UsernameBackend> usernameBackends(Organization organization) {
        return organization.methods().stream()
                .map(byName::get)
                .filter(UsernameBackend.class::isInstance)
                .map(UsernameBackend.class::cast)
                .toList();
    }

    /** Every backend, by name order. */
    public java.util.Collection<AuthBackend> all() {
        return byName.values();
    }

    @Override
    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    public Optional<AuthBackend> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
