package io.zauth.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One structured line per security event on the {@code zauth.audit} category: every
 * authentication attempt, key regeneration and administrative change. Values are quoted with
 * control characters escaped, so nothing a client sends can forge a line. Never a secret.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("zauth.audit");

    public void loginAttempt(LoginEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event.endpoint());
        fields.put("organization", event.organization());
        fields.put("username", event.username());
        fields.put("backend", event.backend());
        fields.put("outcome", event.outcome());
        fields.put("reason", event.reason());
        fields.put("user_id", event.userId());
        fields.put("client", event.client());
        fields.put("user_agent", event.userAgent());
        LOG.info(format(fields));
    }

    public void keyRegenerated(long userId, String organization, String by) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "api_key_regenerated");
        fields.put("organization", organization);
        fields.put("user_id", userId);
        fields.put("by", by);
        LOG.info(format(fields));
    }

    public void adminAction(String action, String target) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "admin");
        fields.put("action", action);
        fields.put("target", target);
        LOG.info(format(fields));
    }

    static String format(Map<String, Object> fields) {
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> {
            if (value != null) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(key).append('=').append(quote(String.valueOf(value)));
            }
        });
        return line.toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        int limit = Math.min(value.length(), 256);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("…");
        }
        return out.append('"').toString();
    }

    /** One attempt at fetch_api_key or dev_fetch_api_key. */
    public record LoginEvent(String endpoint, String organization, String username, String backend, String outcome,
            String reason, Long userId, String client, String userAgent) {}
}
