package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;
import io.zauth.login.LoginRequest;
import io.zauth.ratelimit.ClientAddresses;

/** What the endpoints read from the HTTP request besides parameters. */
final class RequestContext {

    private RequestContext() {}

    /** Where a login comes from, for the login pipeline. */
    static LoginRequest login(HttpServerRequest request, ClientAddresses clientAddresses, String endpoint) {
        return new LoginRequest(endpoint, host(request), clientAddresses.of(request), request.getHeader("User-Agent"));
    }

    static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        return host;
    }
}
