package io.zauth.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.auth.AuthBackend;
import io.zauth.auth.AuthBackends;
import io.zauth.login.AuthenticationChain;
import io.zauth.login.UsernamePolicy;
import io.zauth.error.ZulipErrors;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/server_settings}: what a client reads before showing its login form. */
@Path("/api/v1/server_settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
public class ServerSettingsResource {

    /** The API feature level whose fetch_api_key, server_settings and users/me zauth implements. */
    public static final int ZULIP_FEATURE_LEVEL = 257;
    /**
     * Zulip's backend names in the order server_settings lists them after "password"; each is
     * true when this server has a backend of that name, offers it, and the organization enables it.
     */
    private static final List<String> ZULIP_METHODS = List.of("dev", "email", "ldap", "remoteuser", "github", "azuread",
            "gitlab", "google", "apple", "saml", "openid connect");
    /** Zulip's EmailAuthBackend, whose state server_settings also reports on its own. */
    private static final String EMAIL = "email";

    private final OrganizationResolver resolver;
    private final AuthenticationChain chain;
    private final AuthBackends backends;
    private final UsernamePolicy usernamePolicy;
    private final String zulipVersion;

    ServerSettingsResource(OrganizationResolver resolver, AuthenticationChain chain, AuthBackends backends,
            UsernamePolicy usernamePolicy,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.resolver = resolver;
        this.chain = chain;
        this.backends = backends;
        this.usernamePolicy = usernamePolicy;
        this.zulipVersion = "9.0-zauth-" + version;
    }

    @GET
    @Operation(operationId = "get-server-settings", summary = "Get server settings",
            description = "What a client needs before its login form: the organization the Host names, its "
                    + "authentication methods and the API feature level (257, Zulip 9.0). No authentication; an "
                    + "Authorization header is ignored. At the root domain without an organization there, the "
                    + "realm_name, realm_icon and realm_description keys are left out, as Zulip does.")
    @APIResponse(responseCode = "200", description = "The settings.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success",
                    value = ApiExamples.SERVER_SETTINGS)))
    @APIResponse(responseCode = "400", description = "The Host names no organization and is not the root domain "
            + "(Zulip answers 400 here, not 404).", content = @Content(mediaType = ApiExamples.JSON,
                    examples = @ExampleObject(name = "invalid subdomain", value = ApiExamples.INVALID_SUBDOMAIN_400)))
    @APIResponse(responseCode = "405", description = "Other methods (POST, PUT, DELETE, …) on this path.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_GET)))
    @APIResponse(responseCode = "503", description = "The database is unreachable (Zulip answers 500).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "DATABASE_UNAVAILABLE",
                    value = ApiExamples.DATABASE_UNAVAILABLE)))
    public Response settings(@Context HttpServerRequest request, @Context UriInfo uri) {
        String host = RequestContext.host(request);
        Optional<Organization> organization = resolver.resolve(host);
        if (organization.isEmpty() && !resolver.isRootDomain(host)) {
            throw ZulipErrors.badRequest("Invalid subdomain");
        }
        ObjectNode body = ZulipJson.success();
        body.set("authentication_methods", methods(organization));
        body.put("zulip_version", zulipVersion);
        body.put("zulip_merge_base", zulipVersion);
        body.put("zulip_feature_level", ZULIP_FEATURE_LEVEL);
        body.put("push_notifications_enabled", false);
        body.put("is_incompatible", ClientCompatibility.isIncompatible(request.getHeader("User-Agent")));
        body.put("email_auth_enabled", enabled(organization, EMAIL));
        body.put("require_email_format_usernames", organization.map(usernamePolicy::requireEmailFormatUsernames).orElse(true));
        String url = resolver.organizationUrl(organization, host);
        body.put("realm_uri", url);
        body.put("realm_url", url);
        organization.ifPresent(o -> {
            body.put("realm_name", o.name());
            body.put("realm_icon", o.iconUrl() == null ? "" : o.iconUrl());
            body.put("realm_description", Descriptions.html(o.description()));
        });
        body.put("realm_web_public_access_enabled", false);
        body.putArray("external_authentication_methods");
        return ZulipJson.ok(body, ZulipParams.of(null, uri.getQueryParameters()));
    }

    private ObjectNode methods(Optional<Organization> organization) {
        ObjectNode methods = JsonNodeFactory.instance.objectNode();
        methods.put("password", organization.map(chain::passwordAuthEnabled).orElse(true));
        ZULIP_METHODS.forEach(name -> methods.put(name, enabled(organization, name)));
        return methods;
    }

    /** Zulip's auth_enabled_helper: the backend exists on this server and the organization (if any) enables it. */
    private boolean enabled(Optional<Organization> organization, String method) {
        return backends.byName(method).filter(AuthBackend::offered).isPresent()
                && organization.map(o -> o.hasMethod(method)).orElse(true);
    }
}
