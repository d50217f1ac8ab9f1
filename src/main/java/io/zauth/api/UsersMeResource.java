package io.zauth.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.audit.AuditLog;
import io.zauth.error.ZulipException;
import io.zauth.login.ApiKeyAuthenticator;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.ratelimit.ClientAddresses;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calls a client makes with its key right after login: who am I, and a new key. */
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
@SecurityScheme(securitySchemeName = ApiExamples.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "HTTP Basic with the user's email (or, after a directory login, the directory username) "
                + "and the API key from fetch_api_key: email:api_key.")
public class UsersMeResource {

    private final ApiKeyAuthenticator authenticator;
    private final OrganizationResolver resolver;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ClientAddresses clientAddresses;
    private final ProfileBodies profiles;

    UsersMeResource(ApiKeyAuthenticator authenticator, OrganizationResolver resolver, UserAccounts users, AuditLog audit,
            ClientAddresses clientAddresses, ProfileBodies profiles) {
        this.authenticator = authenticator;
        this.resolver = resolver;
        this.users = users;
        this.audit = audit;
        this.clientAddresses = clientAddresses;
        this.profiles = profiles;
    }

    @GET
    @Operation(operationId = "get-own-user", summary = "Get own user",
            description = "The profile of the user whose key authenticates the request: every field Zulip documents for it, "
                    + "with a Gravatar URL as avatar, no custom profile fields, and max_message_id -1 (zauth holds no messages).")
    @SecurityRequirement(name = ApiExamples.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "The user's profile.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success", value = ApiExamples.USERS_ME)))
    @APIResponse(responseCode = "401", description = "No, malformed or wrong credentials, a key of another organization, "
            + "or a deactivated user or organization; always with WWW-Authenticate: Basic realm=\"zulip\".",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "invalid key", value = ApiExamples.INVALID_API_KEY),
                    @ExampleObject(name = "no credentials", value = ApiExamples.NOT_LOGGED_IN),
                    @ExampleObject(name = "other organization", value = ApiExamples.WRONG_SUBDOMAIN)}))
    @APIResponse(responseCode = "400", description = "An Authorization header of another scheme than Basic.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "not basic",
                    value = ApiExamples.BASIC_AUTH_REQUIRED)))
    @APIResponse(responseCode = "429", description = "Too many failed key checks or logins from the client's address.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "rate limited",
                    value = ApiExamples.RATE_LIMIT_HIT)))
    @APIResponse(responseCode = "503", description = "The database is unreachable (Zulip answers 500).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "DATABASE_UNAVAILABLE",
                    value = ApiExamples.DATABASE_UNAVAILABLE)))
    @APIResponse(responseCode = "405", description = "Other methods on this path.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_GET)))
    public Response me(@Context HttpServerRequest request, @Context UriInfo uri) {
        UserAccount user = authenticate(request);
        ZulipParams params = ZulipParams.of(null, uri.getQueryParameters());
        if (params.ignored().isEmpty()) {
            return Response.ok(profiles.of(user), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return ZulipJson.ok(UserProfiles.into(ZulipJson.success(), user), params);
    }

    @POST
    @Path("/api_key/regenerate")
    @Operation(operationId = "regenerate-api-key", summary = "Regenerate own API key",
            description = "Replaces the user's API key; the old key fails at once on every instance.")
    @SecurityRequirement(name = ApiExamples.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "The new key.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success",
                    value = ApiExamples.REGENERATED_KEY)))
    @APIResponse(responseCode = "401", description = "No, malformed or wrong credentials, a key of another organization, "
            + "or a deactivated user or organization; always with WWW-Authenticate: Basic realm=\"zulip\".",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "invalid key", value = ApiExamples.INVALID_API_KEY),
                    @ExampleObject(name = "no credentials", value = ApiExamples.NOT_LOGGED_IN),
                    @ExampleObject(name = "other organization", value = ApiExamples.WRONG_SUBDOMAIN)}))
    @APIResponse(responseCode = "400", description = "An Authorization header of another scheme than Basic.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "not basic",
                    value = ApiExamples.BASIC_AUTH_REQUIRED)))
    @APIResponse(responseCode = "429", description = "Too many failed key checks or logins from the client's address.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "rate limited",
                    value = ApiExamples.RATE_LIMIT_HIT)))
    @APIResponse(responseCode = "503", description = "The database is unreachable (Zulip answers 500).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "DATABASE_UNAVAILABLE",
                    value = ApiExamples.DATABASE_UNAVAILABLE)))
    @APIResponse(responseCode = "405", description = "Any method but POST on this path (with Allow: POST).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_POST)))
    @APIResponse(responseCode = "413", description = "A body over 64 KiB, declared or sent chunked.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
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

    private UserAccount checkedKey(HttpServerRequest request, Optional<Organization> organization) {
        return authenticator.authenticate(request.getHeader("Authorization"), organization, () -> clientAddresses.of(request));
    }
}
