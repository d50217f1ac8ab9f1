package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;
import io.zauth.login.LoginPipeline;
import io.zauth.login.LoginPipeline.Login;
import io.zauth.ratelimit.ClientAddresses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /api/v1/dev_fetch_api_key}: a key for any user by email alone, for development.
 * Unless {@code zauth.dev-auth.enabled} is on it answers exactly as an unknown endpoint.
 */
@Path("/api/v1/dev_fetch_api_key")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
public class DevFetchApiKeyResource {

    private final LoginPipeline pipeline;
    private final ClientAddresses clientAddresses;

    DevFetchApiKeyResource(LoginPipeline pipeline, ClientAddresses clientAddresses) {
        this.pipeline = pipeline;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "dev-fetch-api-key", summary = "Fetch an API key (development only)",
            description = "The API key of any user, by email alone, as Zulip's development server gives it. Exists only "
                    + "when zauth.dev-auth.enabled is on (development mode); otherwise every request gets 404 "
                    + "\"Endpoint does not exist\". Not rate limited. Parameters may also come as multipart/form-data "
                    + "or in the query string.")
    @APIResponse(responseCode = "200", description = "The user's API key, email and user id.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success", value = ApiExamples.API_KEY)))
    @APIResponse(responseCode = "400", description = "A missing username, one that is not an email (always checked here), "
            + "a parameter with control characters or over 1,024 characters, or a body that cannot be parsed.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "REQUEST_VARIABLE_MISSING", value = ApiExamples.MISSING_USERNAME),
                    @ExampleObject(name = "invalid email", value = ApiExamples.INVALID_EMAIL),
                    @ExampleObject(name = "malformed request", value = ApiExamples.MALFORMED_REQUEST)}))
    @APIResponse(responseCode = "401", description = "No such user, or the user or organization is deactivated.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "AUTHENTICATION_FAILED", value = ApiExamples.AUTHENTICATION_FAILED),
                    @ExampleObject(name = "USER_DEACTIVATED", value = ApiExamples.USER_DEACTIVATED),
                    @ExampleObject(name = "REALM_DEACTIVATED", value = ApiExamples.REALM_DEACTIVATED)}))
    @APIResponse(responseCode = "404", description = "Development login is off (every request), or the Host names no organization.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "dev-auth disabled", value = ApiExamples.ENDPOINT_NOT_FOUND),
                    @ExampleObject(name = "NONEXISTENT_SUBDOMAIN", value = ApiExamples.NONEXISTENT_SUBDOMAIN)}))
    @APIResponse(responseCode = "405", description = "Any method but POST on this path (with Allow: POST).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_POST)))
    @APIResponse(responseCode = "413", description = "A body over 64 KiB, declared or sent chunked.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "The database is unreachable (Zulip answers 500).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "DATABASE_UNAVAILABLE",
                    value = ApiExamples.DATABASE_UNAVAILABLE)))
    public Response form(@RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = LoginForms.Dev.class)),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = LoginForms.Dev.class))})
            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.of(form, uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response multipart(MultipartFormDataInput input, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.ofBody(MultipartFields.textValues(input), uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response other(@Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.of(null, uri.getQueryParameters()), request);
    }

    /** Zulip's order: routing, parameters, email format (always), organization, then the backend. */
    private Response fetch(Supplier<ZulipParams> parse, HttpServerRequest request) {
        if (!pipeline.developmentLoginOffered()) {
            throw new NotFoundException();
        }
        ZulipParams params = parse.get();
        String username = params.required("username");
        Login login = pipeline.development(RequestContext.login(request, clientAddresses, "dev_fetch_api_key"), username);
        return ZulipJson.ok(FetchApiKeyResource.apiKeyBody(login.user()), params);
    }
}
