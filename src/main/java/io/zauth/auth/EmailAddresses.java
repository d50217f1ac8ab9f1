package io.zauth.auth;

import java.net.IDN;
import java.net.InetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code EmailValidator} (django/core/validators.py), which Zulip's validate_login_email
 * applies: same patterns, the {@code localhost} allow-list, IDN domains and IP literals.
 */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 320;
    private static final Pattern USER = Pattern.compile(
            "[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                    + "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN = Pattern.compile(
            "((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\\[([A-F0-9:.]+)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private EmailAddresses() {}

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String user = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (!USER.matcher(user).matches()) {
            return false;
        }
        return domain.equals("localhost") || isValidDomain(domain) || isValidDomain(punycode(domain));
    }

    /**
     * The one form every spelling of an address shares, for counting attempts: the local part
     * {@link #unquote unquoted}, then {@link Spellings#fold folded}. Not a look-up key: only the
     * rate limit uses it.
     */
    public static String canonical(String login) {
        int at = login.lastIndexOf('@');
        return at < 0 ? Spellings.fold(login) : Spellings.fold(unquote(login.substring(0, at)) + login.substring(at));
    }

    /** A quoted local part ({@code "ada"}, {@code "a\da"}) without its quotes and escapes; any other as it is. */
    public static String unquote(String local) {
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            return local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return local;
    }

    private static boolean isValidDomain(String domain) {
        if (domain == null) {
            return false;
        }
        if (DOMAIN.matcher(domain).matches()) {
            return true;
        }
        Matcher literal = LITERAL.matcher(domain);
        return literal.matches() && isIpAddress(literal.group(1));
    }

    private static boolean isIpAddress(String candidate) {
        if (IPV4.matcher(candidate).matches()) {
            return true;
        }
        if (!candidate.contains(":")) {
            return false;
        }
        try {
            // Only a literal reaches here (hex digits, ':' and '.'), so this never resolves a name.
            return InetAddress.getByName("[" + candidate + "]") != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String punycode(String domain) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
