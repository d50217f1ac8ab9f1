package io.zauth.api;

import io.zauth.error.ZulipErrors;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's parameters as Zulip's has_request_variables reads them: the body (form or multipart)
 * first, then the query string; a repeated name gives its last value; an empty string is present.
 * It remembers what was read so that a success can list the rest in ignored_parameters_unsupported.
 */
public final class ZulipParams {

    /** Far above any email (254) or sane password; Argon2 and directories need no more. */
    public static final int MAX_LENGTH = 1024;
    /**
     * A token an identity provider signed: a Keycloak access token alone passes 1,024 characters,
     * and claims grow with groups and roles. 8 KiB, what proxies commonly allow a header, stays under
     * the form attribute limit (16 KiB).
     */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final Map<String, String> body;
    private final Map<String, String> query;
    private final Set<String> processed = new HashSet<>();

    private ZulipParams(Map<String, String> body, Map<String, String> query) {
        this.body = body;
        this.query = query;
    }

    public static ZulipParams of(MultivaluedMap<String, String> body, MultivaluedMap<String, String> query) {
        return new ZulipParams(lastValues(body), lastValues(query));
    }

    public static ZulipParams ofBody(Map<String, String> body, MultivaluedMap<String, String> query) {
        return new ZulipParams(Map.copyOf(body), lastValues(query));
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> ZulipErrors.missingArgument(name));
    }

    /**
     * The value, refused when it holds a control character (NUL included) or more than
     * {@link #MAX_LENGTH} characters.
     */
    public Optional<String> optional(String name) {
        return optional(name, MAX_LENGTH);
    }

    /** As {@link #optional(String)}, for a parameter allowed up to {@code maxLength} characters. */
    public Optional<String> optional(String name, int maxLength) {
        processed.add(name);
        String value = body.containsKey(name) ? body.get(name) : query.get(name);
        if (value != null) {
            checkValue(name, value, maxLength);
        }
        return Optional.ofNullable(value);
    }

    private static void checkValue(String name, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw ZulipErrors.argumentTooLong(name, maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ZulipErrors.invalidCharacters(name);
            }
        }
    }

    /** Names the client sent that the endpoint did not read, sorted as Zulip sorts them. */
    public List<String> ignored() {
        Set<String> names = new TreeSet<>(body.keySet());
        names.addAll(query.keySet());
        names.removeAll(processed);
        return List.copyOf(names);
    }

    private static Map<String, String> lastValues(MultivaluedMap<String, String> values) {
        Map<String, String> last = new HashMap<>();
        if (values != null) {
            values.forEach((name, all) -> {
                if (all != null && !all.isEmpty()) {
                    last.put(name, lastOf(all));
                }
            });
        }
        return last;
    }

    private static String lastOf(Collection<String> values) {
        String last = null;
        for (String value : values) {
            last = value;
        }
        return last;
    }
}
