package io.zauth.api;

import io.zauth.org.Organization;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The identity a proxy passes to the API behind it after forward authentication. Names and
 * addresses may hold any Unicode character, which an HTTP header cannot carry safely, so both are
 * percent-encoded UTF-8 (RFC 3986): every byte but ASCII letters, digits, {@code -._~} and
 * {@code @} is written {@code %XX}. {@code decodeURIComponent}, Python's {@code urllib.parse.unquote}
 * and Go's {@code url.PathUnescape} read them back; a plain address reads as itself.
 */
final class IdentityHeaders {

    static final String USER_ID = "X-Zauth-User-Id";
    static final String EMAIL = "X-Zauth-Email";
    static final String ORGANIZATION = "X-Zauth-Organization";
    static final String ROLE = "X-Zauth-Role";
    static final String FULL_NAME = "X-Zauth-Full-Name";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IdentityHeaders() {}

    static Map<String, String> of(UserAccount user, Organization organization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_ID, Long.toString(user.id()));
        headers.put(EMAIL, percentEncoded(user.email()));
        headers.put(ORGANIZATION, organization.subdomain());
        headers.put(ROLE, user.role().name().toLowerCase(Locale.ROOT));
        headers.put(FULL_NAME, percentEncoded(user.fullName()));
        return headers;
    }

    static String percentEncoded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '@') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
