package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;
import io.zauth.login.ApiKeyAuthenticator;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.ratelimit.ClientAddresses;
import io.zauth.user.UserAccount;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Forward authentication: a reverse proxy (nginx {@code auth_request}, Traefik {@code ForwardAuth},
 * Caddy {@code forward_auth}, Envoy {@code ext_authz}) asks whether the request it holds may go on
 * to the API behind it. The same key check as {@code users/me}, on the original request's
 * credentials and host; the answer is 200 with the identity for the upstream, or the refusal
 * {@code users/me} would give. The path lies outside {@code /api/} so that it never hides a path
 * of the API the proxy guards; Envoy appends the original path to it, so every path below it and
 * every method is the same check.
 */
@Path(ForwardAuthResource.PATH + "{original: (/.*)?}")
@Tag(name = ApiExamples.TAG)
public class ForwardAuthResource {

    static final String PATH = "/zauth/forward-auth";

    private static final Logger LOG = Logger.getLogger(ForwardAuthResource.class);

    private final ApiKeyAuthenticator authenticator;
    private final OrganizationResolver resolver;
    private final ClientAddresses clientAddresses;

    ForwardAuthResource(ApiKeyAuthenticator authenticator, OrganizationResolver resolver, ClientAddresses clientAddresses) {
        this.authenticator = authenticator;
        this.resolver = resolver;
        this.clientAddresses = clientAddresses;
    }

    @GET
    @Operation(operationId = "forward-auth", summary = "Forward authentication for a reverse proxy",
            description = "Checks the Basic email:api_key of the request a proxy is about to pass on, for the "
                    + "organization of its original host (X-Forwarded-Host from a trusted proxy, else Host). Any method "
                    + "and any path below this one give the same check. Accepted: 200 with the identity headers "
                    + "for the upstream. Refused: what GET /api/v1/users/me answers for the same credentials, "
                    + "its body repeated in X-Zauth-Error for proxies that drop refusal bodies (nginx). "
                    + "README \"Forward authentication\".")
    @SecurityRequirement(name = ApiExamples.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "The credentials are good; no body.", headers = {
            @Header(name = IdentityHeaders.USER_ID, description = "the user's id", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = IdentityHeaders.EMAIL, description = "the user's email, percent-encoded UTF-8",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IdentityHeaders.ORGANIZATION, description = "the organization's subdomain (empty at the root domain)",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IdentityHeaders.ROLE, description = "owner, admin, moderator, member or guest",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = IdentityHeaders.FULL_NAME, description = "the user's full name, percent-encoded UTF-8",
                    schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "As users/me: no, malformed or wrong credentials, a key of another "
            + "organization or of an unknown host, or a deactivated user or organization; with WWW-Authenticate.",
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
    @APIResponse(responseCode = "503", description = "The database is unreachable and the user is not in the account cache.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "DATABASE_UNAVAILABLE",
                    value = ApiExamples.DATABASE_UNAVAILABLE)))
    @Parameter(name = "original", in = ParameterIn.PATH, required = true, allowEmptyValue = true,
            description = "Empty, or the original request's path, which Envoy appends", schema = @Schema(type = SchemaType.STRING))
    public Response get(@Context HttpServerRequest request) {
        return check(request);
    }

    @HEAD
    @Operation(hidden = true)
    public Response head(@Context HttpServerRequest request) {
        return check(request);
    }

    @POST
    @Operation(hidden = true)
    public Response post(@Context HttpServerRequest request) {
        return check(request);
    }

    @PUT
    @Operation(hidden = true)
    public Response put(@Context HttpServerRequest request) {
        return check(request);
    }

    @PATCH
    @Operation(hidden = true)
    public Response patch(@Context HttpServerRequest request) {
        return check(request);
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@Context HttpServerRequest request) {
        return check(request);
    }

    @OPTIONS
    @Operation(hidden = true)
    public Response options(@Context HttpServerRequest request) {
        return check(request);
    }

    private Response check(HttpServerRequest request) {
        OriginalRequest original = OriginalRequest.of(request, PATH, clientAddresses.fromTrustedProxy(request));
        Optional<Organization> organization = resolver.resolve(original.host());
        UserAccount user;
        try {
            user = authenticator.authenticate(request.getHeader("Authorization"), organization, () -> clientAddresses.of(request));
        } catch (RuntimeException refused) {
            LOG.debugf("refused %s %s on %s", original.method(), original.path(), original.host());
            throw refused;
        }
        Response.ResponseBuilder accepted = Response.ok().header("Cache-Control", "no-store");
        IdentityHeaders.of(user, organization.orElseThrow()).forEach(accepted::header);
        return accepted.build();
    }
}
