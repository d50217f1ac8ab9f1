package io.zauth.login;

import io.zauth.audit.AuditLog;
import io.zauth.error.ZulipException;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.org.Organization;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;

/** Every login attempt's one audit line and one count, success or failure; never a password or token. */
@ApplicationScoped
class LoginRecorder {

    private final AuditLog audit;
    private final ZauthMetrics metrics;

    LoginRecorder(AuditLog audit, ZauthMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    void succeeded(LoginRequest request, Organization organization, String username, String backend, UserAccount user) {
        audit.loginAttempt(new AuditLog.LoginEvent(request.endpoint(), organization.subdomain(), username, backend,
                "success", null, user.id(), request.clientAddress(), request.userAgent()));
        metrics.loginAttempt(organization.subdomain(), backend, "success");
    }

    /** @param organization null when the Host named none */
    void failed(LoginRequest request, Organization organization, String username, ZulipException failure) {
        String subdomain = organization == null ? null : organization.subdomain();
        audit.loginAttempt(new AuditLog.LoginEvent(request.endpoint(), subdomain, username, null, "failure",
                failure.code(), null, request.clientAddress(), request.userAgent()));
        metrics.loginAttempt(subdomain, null, failure.code());
    }
}
