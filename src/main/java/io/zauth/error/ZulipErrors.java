package io.zauth.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every error zauth answers with, named as in Zulip's {@code zerver/lib/exceptions.py}. */
public final class ZulipErrors {

    public static final String BASIC_REALM = "Basic realm=\"zulip\"";

    private ZulipErrors() {}

    public static ZulipException badRequest(String msg) {
        return withCode(400, "BAD_REQUEST", msg);
    }

    public static ZulipException missingArgument(String name) {
        return new ZulipException(400, "Missing '" + name + "' argument",
                ordered("var_name", name, "code", "REQUEST_VARIABLE_MISSING"), Map.of());
    }

    public static ZulipException invalidEmail() {
        return badRequest("Enter a valid email address.");
    }

    /** fetch_api_key and dev_fetch_api_key: the Host names no organization. */
    public static ZulipException nonexistentSubdomain() {
        return withCode(404, "NONEXISTENT_SUBDOMAIN", "Invalid subdomain");
    }

    public static ZulipException userDeactivated() {
        return withCode(401, "USER_DEACTIVATED", "Account is deactivated");
    }

    public static ZulipException realmDeactivated() {
        return withCode(401, "REALM_DEACTIVATED", "This organization has been deactivated");
    }

    public static ZulipException passwordAuthDisabled() {
        return withCode(401, "PASSWORD_AUTH_DISABLED", "Password authentication is disabled in this organization");
    }

    public static ZulipException passwordResetRequired() {
        return withCode(401, "PASSWORD_RESET_REQUIRED", "Your password has been disabled and needs to be reset");
    }

    public static ZulipException authenticationFailed() {
        return withCode(401, "AUTHENTICATION_FAILED", "Your username or password is incorrect");
    }

    /** HTTP Basic failures: Zulip re-raises them all as UnauthorizedError with the original message. */
    public static ZulipException unauthorized(String msg) {
        return new ZulipException(401, msg, Map.of("code", "UNAUTHORIZED"), Map.of("WWW-Authenticate", BASIC_REALM));
    }

    public static ZulipException methodNotAllowed(List<String> allowed) {
        return new ZulipException(405, "Method Not Allowed", Map.of("allowed_methods", allowed),
                Map.of("Allow", String.join(", ", allowed)));
    }

    public static ZulipException endpointNotFound() {
        return withCode(404, "BAD_REQUEST", "Endpoint does not exist");
    }

    public static ZulipException unsupportedMediaType() {
        return withCode(415, "BAD_REQUEST", "Unsupported media type");
    }

    /** A client error that the HTTP layer found before any endpoint ran. */
    public static ZulipException badRequestWithStatus(int status, String msg) {
        return withCode(status, "BAD_REQUEST", msg);
    }

    /** Zulip has no such error (it answers 500); clients show msg and may retry after Retry-After. */
    public static ZulipException directoryUnavailable() {
        return backendUnavailable("DIRECTORY_UNAVAILABLE", "The directory service is unavailable; try again later");
    }

    /** A backend's outage in its own words (Zulip answers 500): 503 with Retry-After: 5. */
    public static ZulipException backendUnavailable(String code, String msg) {
        return unavailable(code, msg, 5);
    }

    /** Password hashing is saturated; the client should retry shortly. */
    public static ZulipException serverBusy() {
        return unavailable("SERVER_BUSY", "The server is busy; try again later", 1);
    }

    /**
     * Zulip's RateLimitedError: 429 with {@code retry-after} (seconds, a float) in the body and in
     * Retry-After, plus the X-RateLimit-* headers.
     */
    public static ZulipException rateLimitHit(long retryAfterMillis, Map<String, String> rateLimitHeaders) {
        double seconds = Math.max(0, retryAfterMillis) / 1000.0;
        Map<String, String> headers = new LinkedHashMap<>(rateLimitHeaders);
        headers.put("Retry-After", Double.toString(seconds));
        return new ZulipException(429, "API usage exceeded rate limit",
                ordered("code", "RATE_LIMIT_HIT", "retry-after", seconds), headers);
    }

    /** The shared rate-limit store (Redis) cannot be reached; logins are not let through uncounted. */
    public static ZulipException rateLimiterUnavailable() {
        return unavailable("RATE_LIMITER_UNAVAILABLE", "Login attempts cannot be counted right now; try again later", 5);
    }

    /** The database cannot be reached; Zulip answers 500. The pool reconnects by itself when it returns. */
    public static ZulipException databaseUnavailable() {
        return unavailable("DATABASE_UNAVAILABLE", "The database is unavailable; try again later", 5);
    }

    public static ZulipException payloadTooLarge() {
        return withCode(413, "BAD_REQUEST", "Request body too large");
    }

    /** A Content-Type, charset or multipart body that cannot be parsed. */
    public static ZulipException malformedRequest() {
        return badRequest("Malformed request");
    }

    /** NUL, control characters or undecodable bytes in a parameter: never a valid username or password. */
    public static ZulipException invalidCharacters(String name) {
        return withCode(400, "BAD_REQUEST", "Invalid characters in argument '" + name + "'");
    }

    public static ZulipException argumentTooLong(String name, int max) {
        return withCode(400, "BAD_REQUEST", "Argument '" + name + "' is longer than " + max + " characters");
    }

    public static ZulipException internalError() {
        return new ZulipException(500, "Internal server error", Map.of(), Map.of());
    }

    /** Zulip has no such errors (it answers 500): a part of the service is out; retry after the given seconds. */
    private static ZulipException unavailable(String code, String msg, int retryAfterSeconds) {
        return new ZulipException(503, msg, Map.of("code", code), Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    private static ZulipException withCode(int status, String code, String msg) {
        return new ZulipException(status, msg, Map.of("code", code), Map.of());
    }

    /** Map.of has no order; Zulip's bodies do. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
