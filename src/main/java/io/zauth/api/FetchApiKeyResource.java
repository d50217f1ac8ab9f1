package io.zauth.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.ratelimit.ClientAddresses;
import io.zauth.user.UserAccount;
import io.zauth.login.LoginPipeline;
import io.zauth.login.LoginPipeline.Login;
import io.zauth.metrics.ZauthMetrics;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /api/v1/fetch_api_key}: a username and password for the user's API key,
 * as Zulip's api_fetch_api_key answers it.
 */
@Path("/api/v1/fetch_api_key")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
public class FetchApiKeyResource {

    private final LoginPipeline pipeline;
    private final ClientAddresses clientAddresses;
    private final ZauthMetrics metrics;

    FetchApiKeyResource(LoginPipeline pipeline, ClientAddresses clientAddresses, ZauthMetrics metrics) {
        this.pipeline = pipeline;
        this.clientAddresses = clientAddresses;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "fetch-api-key", summary = "Fetch an API key",
            description = "Exchanges a username and password for the user's API key, as Zulip's "
                    + "api_fetch_api_key does; the same key every time. The organization is the one the Host "
                    + "header names. Parameters may also come as multipart/form-data or in the query string "
                    + "(the body wins). Counted by the login rate limits: the client address before any backend runs, "
                    + "the identity each backend checks (an address, a directory entry) before it checks the password.")
    @APIResponse(responseCode = "200", description = "The user's API key, email (delivery email) and user id; "
            + "ignored_parameters_unsupported lists parameters nobody read.",
            headers = {@Header(name = "X-RateLimit-Limit", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-RateLimit-Remaining", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-RateLimit-Reset", schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success", value = ApiExamples.API_KEY)))
    @APIResponse(responseCode = "400", description = "A missing parameter, a username that is not an email where the "
            + "organization requires one, a parameter with control characters or over 1,024 characters, or a body that "
            + "cannot be parsed.", content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "REQUEST_VARIABLE_MISSING", value = ApiExamples.MISSING_USERNAME),
                    @ExampleObject(name = "invalid email", value = ApiExamples.INVALID_EMAIL),
                    @ExampleObject(name = "invalid characters", value = ApiExamples.INVALID_CHARACTERS),
                    @ExampleObject(name = "malformed request", value = ApiExamples.MALFORMED_REQUEST)}))
    @APIResponse(responseCode = "401", description = "Wrong credentials (unknown user and wrong password give the same "
            + "body); the other codes only after the right password, except REALM_DEACTIVATED.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "AUTHENTICATION_FAILED", value = ApiExamples.AUTHENTICATION_FAILED),
                    @ExampleObject(name = "USER_DEACTIVATED", value = ApiExamples.USER_DEACTIVATED),
                    @ExampleObject(name = "REALM_DEACTIVATED", value = ApiExamples.REALM_DEACTIVATED),
                    @ExampleObject(name = "PASSWORD_AUTH_DISABLED", value = ApiExamples.PASSWORD_AUTH_DISABLED),
                    @ExampleObject(name = "PASSWORD_RESET_REQUIRED", value = ApiExamples.PASSWORD_RESET_REQUIRED)}))
    @APIResponse(responseCode = "404", description = "The Host names no organization.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "NONEXISTENT_SUBDOMAIN",
                    value = ApiExamples.NONEXISTENT_SUBDOMAIN)))
    @APIResponse(responseCode = "405", description = "Any method but POST on this path (with Allow: POST).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_POST)))
    @APIResponse(responseCode = "413", description = "A body over 64 KiB, declared or sent chunked.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "429", description = "Over the per-identity or per-address limit, whatever the password.",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.NUMBER)),
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "RATE_LIMIT_HIT",
                    value = ApiExamples.RATE_LIMIT_HIT)))
    @APIResponse(responseCode = "503", description = "Password hashing saturated, a directory, the database or the shared "
            + "rate-limit store unreachable. Counted only when another backend judged the password first. Zulip answers 500 here.",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "SERVER_BUSY", value = ApiExamples.SERVER_BUSY),
                    @ExampleObject(name = "DIRECTORY_UNAVAILABLE", value = ApiExamples.DIRECTORY_UNAVAILABLE),
                    @ExampleObject(name = "DATABASE_UNAVAILABLE", value = ApiExamples.DATABASE_UNAVAILABLE),
                    @ExampleObject(name = "RATE_LIMITER_UNAVAILABLE", value = ApiExamples.RATE_LIMITER_UNAVAILABLE)}))
    public Response form(@RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = LoginForms.Password.class)),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = LoginForms.Password.class))})
            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.of(form, uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response multipart(MultipartFormDataInput input, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.ofBody(MultipartFields.textValues(input), uri.getQueryParameters()), request);
    }

    /** Any other body (JSON, none at all) is not read, as Django leaves request.POST empty. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response other(@Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.of(null, uri.getQueryParameters()), request);
    }

    private Response fetch(ZulipParams params, HttpServerRequest request) {
        long start = System.nanoTime();
        try {
            return fetchTimed(params, request);
        } finally {
            metrics.fetchApiKeyDuration(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Response fetchTimed(ZulipParams params, HttpServerRequest request) {
        String username = params.required("username");
        String password = params.required("password");
        Login login = pipeline.password(RequestContext.login(request, clientAddresses, "fetch_api_key"), username, password);
        Response.ResponseBuilder ok = Response.fromResponse(ZulipJson.ok(apiKeyBody(login.user()), params));
        login.rateLimitHeaders().forEach(ok::header);
        return ok.build();
    }

    static ObjectNode apiKeyBody(UserAccount user) {
        ObjectNode body = ZulipJson.success();
        body.put("api_key", user.apiKey());
        body.put("email", user.email());
        body.put("user_id", user.id());
        return body;
    }
}
