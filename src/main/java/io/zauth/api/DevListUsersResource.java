package io.zauth.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.login.LoginPipeline;
import io.zauth.login.LoginPipeline.DevelopmentUser;
import io.zauth.org.OrganizationResolver;
import io.zauth.user.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/dev_list_users}: the users a development client may log in as with
 * dev_fetch_api_key, as Zulip's api_dev_list_users lists them. Unless development login is on it
 * answers exactly as an unknown endpoint.
 */
@Path("/api/v1/dev_list_users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiExamples.TAG)
public class DevListUsersResource {

    private final LoginPipeline pipeline;
    private final OrganizationResolver resolver;

    DevListUsersResource(LoginPipeline pipeline, OrganizationResolver resolver) {
        this.pipeline = pipeline;
        this.resolver = resolver;
    }

    @GET
    @Operation(operationId = "dev-list-users", summary = "List development users (development only)",
            description = "The active users of every organization that enables development login, administrators "
                    + "(owners and administrators) apart, each with its organization's URL. Exists only when "
                    + "zauth.dev-auth.enabled is on; otherwise 404 \"Endpoint does not exist\".")
    @APIResponse(responseCode = "200", description = "direct_admins and direct_users, each a list of email and realm_uri.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "success",
                    value = ApiExamples.DEV_USERS)))
    @APIResponse(responseCode = "404", description = "Development login is off.",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "dev-auth disabled",
                    value = ApiExamples.ENDPOINT_NOT_FOUND)))
    @APIResponse(responseCode = "405", description = "Any method but GET on this path (with Allow: GET).",
            content = @Content(mediaType = ApiExamples.JSON, examples = @ExampleObject(name = "method not allowed",
                    value = ApiExamples.ONLY_GET)))
    public Response list(@Context HttpServerRequest request, @Context UriInfo uri) {
        if (!pipeline.developmentLoginOffered()) {
            throw new NotFoundException();
        }
        ObjectNode body = ZulipJson.success();
        ArrayNode admins = body.putArray("direct_admins");
        ArrayNode members = body.putArray("direct_users");
        String host = RequestContext.host(request);
        for (DevelopmentUser listed : pipeline.developmentUsers()) {
            Role role = listed.user().role();
            ObjectNode user = (role == Role.OWNER || role == Role.ADMIN ? admins : members).addObject();
            user.put("email", listed.user().email());
            user.put("realm_uri", resolver.organizationUrl(Optional.of(listed.organization()), host));
        }
        return ZulipJson.ok(body, ZulipParams.of(null, uri.getQueryParameters()));
    }
}
