package io.zauth.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.error.ZulipErrors;
import io.zauth.login.LoginPipeline;
import io.zauth.login.LoginPipeline.Login;
import io.zauth.ratelimit.ClientAddresses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /api/v1/<method>/fetch_api_key}: a token for the API key of the existing user it
 * names, for every token backend (Zulip's {@code jwt/fetch_api_key} is the one Zulip has). The
 * backend verifies the token and words its own refusals; the login pipeline does what every token
 * login shares: the organization, the user (never created here), rate limits, audit and the key.
 */
@Path("/api/v1/{method: [a-z][a-z0-9-]*}/fetch_api_key")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
public class TokenFetchApiKeyResource {

    private final LoginPipeline pipeline;
    private final ClientAddresses clientAddresses;

    TokenFetchApiKeyResource(LoginPipeline pipeline, ClientAddresses clientAddresses) {
        this.pipeline = pipeline;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "token-fetch-api-key", summary = "Fetch an API key with a token (JWT)",
            description = "Exchanges a token issued by a trusted party for the API key of the existing user whose "
                    + "email it carries, as Zulip's jwt_fetch_api_key does (method `jwt`, Zulip 7.0+, feature level 160). "
                    + "The organization is the one the Host names and must enable the method. No user is created. "
                    + "Failed tokens are counted against the client address like failed passwords. Parameters may "
                    + "also come as multipart/form-data or in the query string.")
    @APIResponse(responseCode = "200", description = "The user's API key and email (no user_id, as Zulip); with "
            + "include_profile, the user as users/me describes it.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success",
                    value = ApiExamples.TOKEN_API_KEY)))
    @APIResponse(responseCode = "400", description = "The method is not enabled for the organization, no token, a token "
            + "that fails verification (signature, algorithm, expiry, issuer, audience, format), a token without an "
            + "email, or include_profile that is not a JSON boolean.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "not enabled", value = ApiExamples.JWT_NOT_ENABLED),
                    @ExampleObject(name = "no token", value = ApiExamples.JWT_MISSING),
                    @ExampleObject(name = "bad token", value = ApiExamples.JWT_BAD),
                    @ExampleObject(name = "no email", value = ApiExamples.JWT_NO_EMAIL)}))
    @APIResponse(responseCode = "401", description = "The token's email names no user of the organization, or a "
            + "deactivated user or organization.", content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "AUTHENTICATION_FAILED", value = ApiExamples.AUTHENTICATION_FAILED),
                    @ExampleObject(name = "USER_DEACTIVATED", value = ApiExamples.USER_DEACTIVATED),
                    @ExampleObject(name = "REALM_DEACTIVATED", value = ApiExamples.REALM_DEACTIVATED)}))
    @APIResponse(responseCode = "404", description = "No token method of that name, or the Host names no organization.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "no such method", value = ApiExamples.ENDPOINT_NOT_FOUND),
                    @ExampleObject(name = "NONEXISTENT_SUBDOMAIN", value = ApiExamples.NONEXISTENT_SUBDOMAIN)}))
    @APIResponse(responseCode = "405", description = "Any method but POST on this path (with Allow: POST).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_POST)))
    @APIResponse(responseCode = "413", description = "A body over 64 KiB, declared or sent chunked.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "429", description = "Over the per-address limit on failed logins.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "RATE_LIMIT_HIT",
                    value = ApiExamples.RATE_LIMIT_HIT)))
    @APIResponse(responseCode = "503", description = "The issuer's key set, the database or the rate-limit store "
            + "cannot be reached; not counted. Zulip answers 500 here.",
            content = @Content(mediaType = ApiExamples.JSON, examples = {
                    @ExampleObject(name = "DATABASE_UNAVAILABLE", value = ApiExamples.DATABASE_UNAVAILABLE),
                    @ExampleObject(name = "RATE_LIMITER_UNAVAILABLE", value = ApiExamples.RATE_LIMITER_UNAVAILABLE)}))
    public Response form(@Parameter(description = "The token method, e.g. jwt", schema = @Schema(type = SchemaType.STRING))
            @PathParam("method") String method,
            @RequestBody(required = false, content = {
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = LoginForms.Token.class)),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = LoginForms.Token.class))})
            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(method, ZulipParams.of(form, uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response multipart(@PathParam("method") String method, MultipartFormDataInput input, @Context UriInfo uri,
            @Context HttpServerRequest request) {
        return fetch(method, ZulipParams.ofBody(MultipartFields.textValues(input), uri.getQueryParameters()), request);
    }

    /** Any other body (JSON, none at all) is not read, as Django leaves request.POST empty. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response other(@PathParam("method") String method, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(method, ZulipParams.of(null, uri.getQueryParameters()), request);
    }

    private Response fetch(String method, ZulipParams params, HttpServerRequest request) {
        if (!pipeline.acceptsTokens(method)) {
            throw ZulipErrors.endpointNotFound();
        }
        boolean includeProfile = jsonBoolean(params, "include_profile");
        String token = params.optional("token", ZulipParams.MAX_TOKEN_LENGTH).orElse("");
        Login login = pipeline.token(RequestContext.login(request, clientAddresses, method + "_fetch_api_key"), method, token);
        ObjectNode body = ZulipJson.success();
        body.put("api_key", login.user().apiKey());
        body.put("email", login.user().email());
        if (includeProfile) {
            body.set("user", UserProfiles.of(login.user()));
        }
        Response.ResponseBuilder ok = Response.fromResponse(ZulipJson.ok(body, params));
        login.rateLimitHeaders().forEach(ok::header);
        return ok.build();
    }

    /** Zulip validates include_profile as JSON: {@code true} or {@code false}, nothing else. */
    private static boolean jsonBoolean(ZulipParams params, String name) {
        Optional<String> value = params.optional(name).map(String::strip);
        if (value.isEmpty() || value.get().equals("false")) {
            return false;
        }
        if (value.get().equals("true")) {
            return true;
        }
        throw ZulipErrors.badRequest(name + " is not a boolean");
    }
}
