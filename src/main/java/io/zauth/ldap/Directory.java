package io.zauth.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.zauth.auth.Spellings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One configured directory: finds a person's entry (search-then-bind, or a DN template) and
 * checks their password with a bind as them. Filter values are escaped per RFC 4515 and DN
 * values per RFC 4514 by the LDAP SDK; an empty, blank or NUL-containing password never binds.
 */
public final class Directory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Directory.class);

    private final String name;
    private final DirectorySettings settings;
    private final DirectoryConnections connections;
    private final UsernameMapping mapping;
    private final AccountState accountState;
    private final AccessRules accessRules;
    private final Observer observer;
    private final String[] attributes;

    /** Told of every directory operation, its outcome and how long it took, for metrics. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (directory, operation, outcome, elapsed) -> {};

        void operation(String directory, String operation, String outcome, Duration elapsed);
    }

    Directory(String name, DirectorySettings settings, Observer observer) {
        this.name = name;
        this.observer = observer;
        this.settings = settings;
        validate(name, settings);
        this.connections = new DirectoryConnections(name, settings);
        this.mapping = new UsernameMapping(settings);
        this.accountState = AccountState.parse(settings.accountState());
        this.accessRules = new AccessRules(settings);
        this.attributes = attributesToRead();
    }

    /**
     * Every user attribute ({@code *}) and, by name, each attribute zauth reads: a server returns
     * operational attributes only when they are named, and 389-DS and FreeIPA keep nsAccountLock
     * operational, so a search for {@code *} alone would see every locked account as enabled.
     */
    private String[] attributesToRead() {
        Set<String> names = new LinkedHashSet<>();
        names.add("*");
        accountState.attribute().ifPresent(names::add);
        names.addAll(accessRules.attributes());
        settings.emailAttribute().ifPresent(names::add);
        names.add(settings.fullNameAttribute());
        settings.firstNameAttribute().ifPresent(names::add);
        settings.lastNameAttribute().ifPresent(names::add);
        mapping.usernameAttribute().ifPresent(names::add);
        return names.toArray(String[]::new);
    }

    public String name() {
        return name;
    }

    public DirectorySettings settings() {
        return settings;
    }

    public UsernameMapping mapping() {
        return mapping;
    }

    public AccountState accountState() {
        return accountState;
    }

    AccessRules accessRules() {
        return accessRules;
    }

    /** Whether a password can be sent to the directory at all (RFC 4513 §5.1.2: an empty one is an anonymous bind). */
    public static boolean isBindablePassword(String password) {
        return password != null && !password.isBlank() && password.indexOf('\0') < 0;
    }

    /**
     * The entry for what a person typed, or empty when none or several match.
     * Throws {@link DirectoryUnavailableException} when the directory cannot be reached.
     */
    public Optional<DirectoryEntry> find(String login) {
        return observed("find", () -> findEntry(login), "found", "not_found");
    }

    private Optional<DirectoryEntry> findEntry(String login) {
        Optional<String> username = mapping.directoryUsername(login);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (mapping.isEmailLogin(login)) {
            Optional<Optional<DirectoryEntry>> byEmail = mapping.emailSearchFilter()
                    .map(template -> searchOne(template, login, login));
            if (byEmail.isPresent() && byEmail.get().isPresent()) {
                return byEmail.get();
            }
        }
        if (settings.userDnTemplate().isPresent()) {
            return Optional.of(new DirectoryEntry(dnFor(username.get()), username.get(), null));
        }
        return searchOne(settings.userSearchFilter(), username.get(), username.get());
    }

    /**
     * The identity the rate limit counts for an entry: this directory and the entry's normalized
     * DN, so every spelling that finds the entry, in every organization on this directory, shares it.
     */
    String identityOf(DirectoryEntry entry) {
        String dn;
        try {
            dn = new DN(entry.dn()).toNormalizedString();
        } catch (LDAPException e) {
            dn = entry.dn();
        }
        return "directory:" + name + ":dn:" + Spellings.fold(dn);
    }

    /** The identity of a name that finds no entry: its folded directory username within this directory. */
    String identityOfUnknown(String login) {
        return "directory:" + name + ":name:" + Spellings.fold(mapping.directoryUsername(login).orElse(login));
    }

    /**
     * Binds as the entry with the password and returns the entry with its attributes (read as
     * the user when it was found by DN template). Empty when the directory refuses the credentials.
     */
    public Optional<DirectoryEntry> bind(DirectoryEntry found, String password) {
        if (!isBindablePassword(password)) {
            return Optional.empty();
        }
        return observed("bind", () -> bindAs(found, password), "accepted", "refused");
    }

    private Optional<DirectoryEntry> bindAs(DirectoryEntry found, String password) {
        boolean readOwnEntry = found.entry() == null;
        PasswordBinds.Result result = connections.passwordBinds().bind(found.dn(), password,
                readOwnEntry ? attributes : null);
        if (!result.accepted()) {
            return Optional.empty();
        }
        if (!readOwnEntry) {
            return Optional.of(found);
        }
        return Optional.ofNullable(result.ownEntry()).map(e -> new DirectoryEntry(found.dn(), found.username(), e));
    }

    /** Looks an entry up by DN with the service account, for synchronisation. */
    public Optional<DirectoryEntry> read(String dn, String username) {
        return observed("read", () -> readEntry(dn, username), "found", "not_found");
    }

    /** Checks that the directory answers: a fresh connection, StartTLS and the service bind. */
    public void probe() {
        observed("probe", () -> {
            connections.probe();
            return Optional.of(Boolean.TRUE);
        }, "ok", "ok");
    }

    private <T> Optional<T> observed(String operation, java.util.function.Supplier<Optional<T>> call, String present,
            String absent) {
        long start = System.nanoTime();
        try {
            Optional<T> result = call.get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            observer.operation(name, operation, result.isPresent() ? present : absent, elapsed);
            return result;
        } catch (DirectoryUnavailableException e) {
            observer.operation(name, operation, "unavailable", Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    private Optional<DirectoryEntry> readEntry(String dn, String username) {
        try {
            SearchResultEntry entry = connections.searchPool().getEntry(dn, attributes);
            return Optional.ofNullable(entry).map(e -> new DirectoryEntry(dn, username, e));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw DirectoryUnavailableException.warned(name, e);
        }
    }

    private Optional<DirectoryEntry> searchOne(String filterTemplate, String value, String username) {
        String base = settings.userSearchBase().orElse("");
        Filter filter = filter(filterTemplate, value);
        try {
            SearchResult result = connections.searchPool().search(base, scope(), filter, attributes);
            List<SearchResultEntry> entries = result.getSearchEntries();
            if (entries.size() > 1) {
                LOG.warnf("Directory '%s': %d entries match username %s; refusing to choose", name, entries.size(), value);
                return Optional.empty();
            }
            return entries.stream().findFirst().map(e -> new DirectoryEntry(e.getDN(), usernameOf(e, username), e));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw DirectoryUnavailableException.warned(name, e);
        }
    }

    private String usernameOf(SearchResultEntry entry, String fallback) {
        return mapping.usernameAttribute().map(entry::getAttributeValue).orElse(fallback);
    }

    /** The template comes from configuration; only the value is user input, and it is escaped. */
    private static Filter filter(String template, String value) {
        try {
            return Filter.create(template.replace("{0}", Filter.encodeValue(value)));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid LDAP filter template '" + template + "'");
        }
    }

    /** {@code attr={0},rest}: the value becomes one escaped RDN, so it can never add RDNs or change the base. */
    String dnFor(String username) {
        String template = settings.userDnTemplate().orElseThrow();
        int equals = template.indexOf('=');
        String attribute = template.substring(0, equals).trim();
        String rest = template.substring(template.indexOf("{0}") + 3);
        return new RDN(attribute, username).toString() + rest;
    }

    private SearchScope scope() {
        return settings.searchScope().equalsIgnoreCase("one") ? SearchScope.ONE : SearchScope.SUB;
    }

    private static void validate(String name, DirectorySettings s) {
        if (s.urls().isEmpty()) {
            throw new IllegalArgumentException("directory '" + name + "' has no urls");
        }
        if (s.userDnTemplate().isEmpty() && s.userSearchBase().isEmpty()) {
            throw new IllegalArgumentException("directory '" + name + "' needs user-search-base or user-dn-template");
        }
        s.userDnTemplate().ifPresent(t -> {
            if (!t.matches("\\s*[A-Za-z][A-Za-z0-9-]*\\s*=\\{0}(,.+)?")) {
                throw new IllegalArgumentException("directory '" + name + "': user-dn-template must start with attr={0}");
            }
            try {
                new DN(t.replace("{0}", "x"));
            } catch (LDAPException e) {
                throw new IllegalArgumentException("directory '" + name + "': user-dn-template is not a DN");
            }
        });
        if (!s.userSearchFilter().contains("{0}")) {
            throw new IllegalArgumentException("directory '" + name + "': user-search-filter needs {0}");
        }
        if (s.appendDomain().isPresent() && s.emailAttribute().isPresent()) {
            throw new IllegalArgumentException("directory '" + name + "': choose append-domain or email-attribute, not both");
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "Directory[" + name + ", urls=" + settings.urls() + "]";
    }
}
