package io.zauth.org;

import io.zauth.config.ZauthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the organization a request is for from its Host header, as Zulip's get_subdomain does:
 * an organization's extra host names first, then {@code <sub>.<root-domain>}, then the root domain.
 * Matching is exact on whole labels, so {@code x.<root>.evil.example} never matches.
 */
@ApplicationScoped
public class OrganizationResolver {

    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9a-f:.]+]|[^:\\[\\]]*)(:\\d{1,5})?", Pattern.CASE_INSENSITIVE);

    private final Organizations organizations;
    private final ZauthConfig config;

    OrganizationResolver(Organizations organizations, ZauthConfig config) {
        this.organizations = organizations;
        this.config = config;
    }

    public Optional<Organization> resolve(String hostHeader) {
        return subdomainOf(hostHeader).flatMap(this::lookUp);
    }

    private Optional<Organization> lookUp(HostMatch match) {
        if (match.alias() != null) {
            Optional<Organization> byAlias = organizations.byHost(match.alias());
            if (byAlias.isPresent() || match.subdomain() == null) {
                return byAlias;
            }
        }
        return organizations.bySubdomain(match.subdomain());
    }

    /** Whether the Host is the root domain itself (or one of its aliases such as www). */
    public boolean isRootDomain(String hostHeader) {
        return subdomainOf(hostHeader).map(m -> "".equals(m.subdomain())).orElse(false);
    }

    /**
     * The organization's canonical URL, as Zulip's realm.url: its subdomain under the root domain,
     * on the port the client used. With no organization, the root domain's URL.
     */
    public String organizationUrl(Optional<Organization> organization, String hostHeader) {
        String root = config.rootDomain().toLowerCase(Locale.ROOT);
        String host = organization.filter(o -> !o.isRoot()).map(o -> o.subdomain() + "." + root).orElse(root);
        return config.externalScheme() + "://" + host + portOf(hostHeader);
    }

    private static String portOf(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        Matcher m = HOST_AND_PORT.matcher(hostHeader.trim());
        return m.matches() && m.group(2) != null ? m.group(2) : "";
    }

    /** Lower-cased host without its port, or empty when the header is absent or malformed. */
    public static Optional<String> hostOf(String hostHeader) {
        if (hostHeader == null) {
            return Optional.empty();
        }
        Matcher m = HOST_AND_PORT.matcher(hostHeader.trim().toLowerCase(Locale.ROOT));
        return m.matches() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * What the host can name: an extra host name to look up, and the subdomain it would be
     * under the root domain (null when it is not under the root domain).
     */
    Optional<HostMatch> subdomainOf(String hostHeader) {
        Optional<String> host = hostOf(hostHeader);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String name = host.get();
        String root = config.rootDomain().toLowerCase(Locale.ROOT);
        if (name.equals(root)) {
            return Optional.of(new HostMatch(name, ""));
        }
        if (name.endsWith("." + root)) {
            String sub = name.substring(0, name.length() - root.length() - 1);
            if (config.rootSubdomainAliases().contains(sub)) {
                return Optional.of(new HostMatch(name, ""));
            }
            if (!sub.isEmpty() && Organizations.isValidSubdomain(sub)) {
                return Optional.of(new HostMatch(name, sub));
            }
        }
        return Optional.of(new HostMatch(name, null));
    }

    record HostMatch(String alias, String subdomain) {}
}
