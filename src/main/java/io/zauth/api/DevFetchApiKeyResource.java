package io.zauth.api;

import io.vertx.core.http.HttpServerRequest;
import io.zauth.audit.AuditLog;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Authenticated;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.AuthOutcome.Rejected;
import io.zauth.auth.DevAuthBackend;
import io.zauth.auth.EmailAddresses;
import io.zauth.auth.LoginAttempt;
import io.zauth.config.ZauthConfig;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.ratelimit.ClientAddresses;
import io.zauth.user.UserAccounts;
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
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /api/v1/dev_fetch_api_key}: a key for any user by email alone, for development.
 * Unless {@code zauth.dev-auth.enabled} is on it answers exactly as an unknown endpoint.
 */
@Path("/api/v1/dev_fetch_api_key")
@Produces(MediaType.APPLICATION_JSON)
public class DevFetchApiKeyResource {

    private final ZauthConfig config;
    private final OrganizationResolver resolver;
    private final DevAuthBackend backend;
    private final AuditLog audit;
    private final ClientAddresses clientAddresses;
    private final UserAccounts users;

    DevFetchApiKeyResource(ZauthConfig config, OrganizationResolver resolver, DevAuthBackend backend, AuditLog audit,
            ClientAddresses clientAddresses, UserAccounts users) {
        this.config = config;
        this.resolver = resolver;
        this.backend = backend;
        this.audit = audit;
        this.clientAddresses = clientAddresses;
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.of(form, uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response multipart(MultipartFormDataInput input, @Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.ofBody(MultipartFields.textValues(input), uri.getQueryParameters()), request);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response other(@Context UriInfo uri, @Context HttpServerRequest request) {
        return fetch(() -> ZulipParams.of(null, uri.getQueryParameters()), request);
    }

    /** Zulip's order: routing, parameters, email format (always), organization, then the backend. */
    private Response fetch(java.util.function.Supplier<ZulipParams> parse, HttpServerRequest request) {
        if (!config.devAuth().enabled()) {
            throw new NotFoundException();
        }
        ZulipParams params = parse.get();
        String username = params.required("username");
        Organization organization = null;
        try {
            organization = resolver.resolve(RequestContext.host(request)).orElse(null);
            Response response = authenticate(params, username, organization);
            audit.loginAttempt(RequestContext.loginEvent(request, clientAddresses.of(request), "dev_fetch_api_key", organization, username,
                    DevAuthBackend.NAME, "success", null, null));
            return response;
        } catch (ZulipException failure) {
            audit.loginAttempt(RequestContext.loginEvent(request, clientAddresses.of(request), "dev_fetch_api_key", organization, username,
                    null, "failure", failure.code(), null));
            throw failure;
        }
    }

    private Response authenticate(ZulipParams params, String username, Organization organization) {
        if (!EmailAddresses.isValid(username)) {
            throw ZulipErrors.invalidEmail();
        }
        if (organization == null) {
            throw ZulipErrors.nonexistentSubdomain();
        }
        if (organization.deactivated()) {
            throw ZulipErrors.realmDeactivated();
        }
        AuthOutcome outcome = backend.authenticate(new LoginAttempt(organization, username, ""));
        if (outcome instanceof Authenticated success) {
            return ZulipJson.ok(FetchApiKeyResource.apiKeyBody(users.withUsableApiKey(success.user())), params);
        }
        throw ((Rejected) outcome).reason() == Reason.USER_DEACTIVATED
                ? ZulipErrors.userDeactivated()
                : ZulipErrors.authenticationFailed();
    }
}
