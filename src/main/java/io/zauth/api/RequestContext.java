package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;
import io.zauth.audit.AuditLog;
import io.zauth.org.Organization;

/** What the endpoints read from the HTTP request besides parameters. */
final class RequestContext {

    private RequestContext() {}

    static AuditLog.LoginEvent loginEvent(HttpServerRequest request, String clientAddress, String endpoint,
            Organization organization, String username, String backend, String outcome, String reason, Long userId) {
        return new AuditLog.LoginEvent(endpoint, organization == null ? null : organization.subdomain(), username,
                backend, outcome, reason, userId, clientAddress, request.getHeader("User-Agent"));
    }

    static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        return host;
    }
}
