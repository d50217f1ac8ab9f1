package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;

/**
 * The request a proxy asks about, as each proxy reports it: Traefik and Caddy send
 * {@code X-Forwarded-Method}, {@code X-Forwarded-Uri} and {@code X-Forwarded-Host}; the nginx
 * configuration of docs/forward-auth.md sends {@code X-Original-Method} and {@code X-Original-URI};
 * Envoy sends the original method, host and (after the check's own path) path as its own. The
 * headers are believed only from a trusted proxy: anyone else could name any host.
 *
 * @param path the path without its query, which may hold credentials and is never logged
 */
record OriginalRequest(String method, String path, String host) {

    static OriginalRequest of(HttpServerRequest request, String checkPath, boolean fromTrustedProxy) {
        String ownPath = request.path() == null ? "" : request.path();
        String suffix = ownPath.startsWith(checkPath) ? ownPath.substring(checkPath.length()) : "";
        String method = request.method().name();
        String uri = suffix.isEmpty() ? "/" : suffix;
        String host = RequestContext.host(request);
        if (fromTrustedProxy) {
            method = first(request.getHeader("X-Forwarded-Method"), request.getHeader("X-Original-Method"), method);
            uri = first(request.getHeader("X-Forwarded-Uri"), request.getHeader("X-Original-URI"), uri);
            host = first(firstHop(request.getHeader("X-Forwarded-Host")), host, null);
        }
        int query = uri.indexOf('?');
        return new OriginalRequest(method, query < 0 ? uri : uri.substring(0, query), host);
    }

    /** A chain of proxies lists hosts left to right; the first is the one the client asked for. */
    private static String firstHop(String forwardedHost) {
        if (forwardedHost == null) {
            return null;
        }
        int comma = forwardedHost.indexOf(',');
        String first = (comma < 0 ? forwardedHost : forwardedHost.substring(0, comma)).strip();
        return first.isEmpty() ? null : first;
    }

    private static String first(String a, String b, String otherwise) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return otherwise;
    }
}
