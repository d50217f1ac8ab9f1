package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;

/** What the endpoints read from the HTTP request besides parameters. */
final class RequestContext {

    private RequestContext() {}

    static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        return host;
    }
}
