package io.zauth.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.audit.AuditLog;
import io.zauth.error.ZulipException;
import io.zauth.key.ApiKeyAuthenticator;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The calls a client makes with its key right after login: who am I, and a new key. */
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
public class UsersMeResource {

    /** Python's datetime.isoformat() for an aware UTC time with microseconds. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final ApiKeyAuthenticator authenticator;
    private final OrganizationResolver resolver;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ZauthMetrics metrics;

    UsersMeResource(ApiKeyAuthenticator authenticator, OrganizationResolver resolver, UserAccounts users, AuditLog audit,
            ZauthMetrics metrics) {
        this.authenticator = authenticator;
        this.resolver = resolver;
        this.users = users;
        this.audit = audit;
        this.metrics = metrics;
    }

    @GET
    public Response me(@Context HttpServerRequest request, @Context UriInfo uri) {
        UserAccount user = authenticate(request);
        ObjectNode body = ZulipJson.success();
        body.put("email", user.email());
        body.put("user_id", user.id());
        body.put("is_admin", user.role() == Role.ADMIN || user.role() == Role.OWNER);
        body.put("is_owner", user.role() == Role.OWNER);
        body.put("is_guest", user.role() == Role.GUEST);
        body.put("role", user.role().zulipValue());
        body.put("is_bot", false);
        body.put("full_name", user.fullName());
        body.put("timezone", user.timezone());
        body.put("is_active", user.active());
        body.put("date_joined", ISO.format(user.dateJoined().atOffset(ZoneOffset.UTC)));
        body.put("delivery_email", user.email());
        return ZulipJson.ok(body, ZulipParams.of(null, uri.getQueryParameters()));
    }

    @POST
    @Path("/api_key/regenerate")
    public Response regenerate(@Context HttpServerRequest request, @Context UriInfo uri) {
        Optional<Organization> organization = resolver.resolve(RequestContext.host(request));
        UserAccount user = users.regenerateApiKey(checkedKey(request, organization).id());
        audit.keyRegenerated(user.id(), organization.map(Organization::subdomain).orElse(null), "api");
        ObjectNode body = ZulipJson.success();
        body.put("api_key", user.apiKey());
        return ZulipJson.ok(body, ZulipParams.of(null, uri.getQueryParameters()));
    }

    private UserAccount authenticate(HttpServerRequest request) {
        return checkedKey(request, resolver.resolve(RequestContext.host(request)));
    }

    /** The Basic-auth check, counted by outcome: Zulip's fixed messages name the reason. */
    private UserAccount checkedKey(HttpServerRequest request, Optional<Organization> organization) {
        try {
            UserAccount user = authenticator.authenticate(request.getHeader("Authorization"), organization);
            metrics.apiKeyCheck("success");
            return user;
        } catch (ZulipException refused) {
            metrics.apiKeyCheck(outcome(refused.getMessage()));
            throw refused;
        }
    }

    private static String outcome(String message) {
        return switch (message) {
            case "Malformed API key" -> "malformed_key";
            case "Invalid API key" -> "invalid_key";
            case "Account is deactivated" -> "user_deactivated";
            case "This organization has been deactivated" -> "realm_deactivated";
            case "Account is not associated with this subdomain" -> "wrong_subdomain";
            case "Not logged in: API authentication or user session required" -> "missing";
            default -> "bad_header";
        };
    }
}
