package io.zauth.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.zauth.audit.AuditLog;
import io.zauth.auth.AuthenticationChain;
import io.zauth.auth.AuthenticationChain.Login;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.UsernamePolicy;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /api/v1/fetch_api_key}: a username and password for the user's API key,
 * as Zulip's api_fetch_api_key answers it.
 */
@Path("/api/v1/fetch_api_key")
@Produces(MediaType.APPLICATION_JSON)
public class FetchApiKeyResource {

    private final OrganizationResolver resolver;
    private final UsernamePolicy usernamePolicy;
    private final AuthenticationChain chain;
    private final AuditLog audit;
    private final UserAccounts users;

    FetchApiKeyResource(OrganizationResolver resolver, UsernamePolicy usernamePolicy, AuthenticationChain chain,
            AuditLog audit, UserAccounts users) {
        this.resolver = resolver;
        this.usernamePolicy = usernamePolicy;
        this.chain = chain;
        this.audit = audit;
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.of(form, uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response multipart(MultipartFormDataInput input, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.ofBody(MultipartFields.textValues(input), uri.getQueryParameters()), request);
    }

    /** Any other body (JSON, none at all) is not read, as Django leaves request.POST empty. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response other(@Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(ZulipParams.of(null, uri.getQueryParameters()), request);
    }

    private Response fetch(ZulipParams params, HttpServerRequest request) {
        String username = params.required("username");
        String password = params.required("password");
        String host = RequestContext.host(request);
        Organization organization = null;
        try {
            organization = resolver.resolve(host).orElseThrow(ZulipErrors::nonexistentSubdomain);
            usernamePolicy.check(organization, username);
            Login login = chain.authenticate(new LoginAttempt(organization, username, password));
            audit.loginAttempt(RequestContext.loginEvent(request, "fetch_api_key", organization, username,
                    login.backend(), "success", null, login.user().id()));
            return ZulipJson.ok(apiKeyBody(users.withUsableApiKey(login.user())), params);
        } catch (ZulipException failure) {
            audit.loginAttempt(RequestContext.loginEvent(request, "fetch_api_key", organization, username,
                    null, "failure", failure.code(), null));
            throw failure;
        }
    }

    static ObjectNode apiKeyBody(UserAccount user) {
        ObjectNode body = ZulipJson.success();
        body.put("api_key", user.apiKey());
        body.put("email", user.email());
        body.put("user_id", user.id());
        return body;
    }
}
