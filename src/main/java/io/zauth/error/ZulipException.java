package io.zauth.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that reaches the client as a Zulip error body: {@code {"result":"error","msg":…, …}}.
 * The fields keep Zulip's order; {@link ZulipErrors} is the catalogue of every error zauth sends.
 * No stack trace is captured: these are expected outcomes, not bugs.
 */
public final class ZulipException extends RuntimeException {

    private final int status;
    private final Map<String, Object> fields;
    private final Map<String, String> headers;

    ZulipException(int status, String msg, Map<String, Object> fields, Map<String, String> headers) {
        super(msg, null, false, false);
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public int status() {
        return status;
    }

    /** Zulip's {@code code}, or null for the few errors that have none (405, 500). */
    public String code() {
        Object code = fields.get("code");
        return code == null ? null : code.toString();
    }

    /** Body fields after {@code result} and {@code msg}, in the order Zulip writes them. */
    public Map<String, Object> fields() {
        return fields;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The same error with more headers (the rate limiter's on a failed login). */
    public ZulipException withHeaders(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(more);
        merged.putAll(headers);
        return new ZulipException(status, getMessage(), fields, merged);
    }
}
