package io.zauth.ldap;

import io.zauth.auth.EmailAddresses;
import java.util.Locale;
import java.util.Optional;

/**
 * Between what a person types, their directory username and their email (reference §2.3):
 * append-domain ({@code x@D} ↔ {@code x}), an email attribute, or the username itself.
 */
public final class UsernameMapping {

    private final Optional<String> appendDomain;
    private final Optional<String> emailAttribute;
    private final Optional<String> emailSearchFilter;
    private final Optional<String> usernameAttribute;

    UsernameMapping(DirectorySettings settings) {
        this.appendDomain = settings.appendDomain().map(d -> d.toLowerCase(Locale.ROOT));
        this.emailAttribute = settings.emailAttribute();
        this.emailSearchFilter = settings.emailSearchFilter()
                .or(() -> settings.emailAttribute().map(attribute -> "(" + attribute + "={0})"));
        this.usernameAttribute = usernameAttributeOf(settings.userSearchFilter());
    }

    /** Zulip's require_email_format_usernames is false when the directory maps usernames to emails. */
    public boolean mapsUsernamesToEmails() {
        return appendDomain.isPresent() || emailAttribute.isPresent();
    }

    boolean isEmailLogin(String login) {
        return EmailAddresses.isValid(login);
    }

    /**
     * The directory username for a login, or empty when it cannot be one of this directory's
     * (an email outside the append-domain).
     */
    Optional<String> directoryUsername(String login) {
        if (appendDomain.isPresent() && isEmailLogin(login)) {
            int at = login.lastIndexOf('@');
            String domain = login.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!domain.equals(appendDomain.get())) {
                return Optional.empty();
            }
            return Optional.of(EmailAddresses.unquote(login.substring(0, at)));
        }
        return Optional.of(login);
    }

    Optional<String> emailSearchFilter() {
        return appendDomain.isPresent() ? Optional.empty() : emailSearchFilter;
    }

    /** The attribute named in a simple user filter such as {@code (uid={0})}, to read usernames back. */
    Optional<String> usernameAttribute() {
        return usernameAttribute;
    }

    /** The email of a directory person, or empty when the entry lacks what the mapping needs. */
    public Optional<String> emailOf(DirectoryEntry entry) {
        if (appendDomain.isPresent()) {
            String local = entry.username();
            String quoted = local.matches("[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+)*")
                    ? local : "\"" + local.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return Optional.of(quoted + "@" + appendDomain.get());
        }
        if (emailAttribute.isPresent()) {
            return entry.first(emailAttribute.get());
        }
        return Optional.of(entry.username());
    }

    private static Optional<String> usernameAttributeOf(String filter) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*([A-Za-z][A-Za-z0-9-]*)\\s*=\\{0}\\)").matcher(filter);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
