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
import io.zauth.ratelimit.Admission;
import io.zauth.ratelimit.ClientAddresses;
import io.zauth.ratelimit.LoginRateLimiter;
import io.zauth.user.UserAccount;
import io.zauth.metrics.ZauthMetrics;
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
import java.time.Duration;
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
    private final LoginRateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final ZauthMetrics metrics;
    private final UserAccounts users;

    FetchApiKeyResource(OrganizationResolver resolver, UsernamePolicy usernamePolicy, AuthenticationChain chain,
            AuditLog audit, LoginRateLimiter rateLimiter, ClientAddresses clientAddresses, ZauthMetrics metrics,
            UserAccounts users) {
        this.metrics = metrics;
        this.users = users;
        this.resolver = resolver;
        this.usernamePolicy = usernamePolicy;
        this.chain = chain;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
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
        String host = RequestContext.host(request);
        String clientAddress = clientAddresses.of(request);
        Organization organization = null;
        Admission admission = null;
        try {
            organization = resolver.resolve(host).orElseThrow(ZulipErrors::nonexistentSubdomain);
            usernamePolicy.check(organization, username);
            admission = rateLimiter.admit(organization, username, clientAddress);
            Login login = authenticate(admission, new LoginAttempt(organization, username, password));
            audit.loginAttempt(RequestContext.loginEvent(request, clientAddress, "fetch_api_key", organization,
                    username, login.backend(), "success", null, login.user().id()));
            metrics.loginAttempt(organization.subdomain(), login.backend(), "success");
            Response.ResponseBuilder ok = Response.fromResponse(
                    ZulipJson.ok(apiKeyBody(users.withUsableApiKey(login.user())), params));
            admission.headers().forEach(ok::header);
            return ok.build();
        } catch (ZulipException failure) {
            audit.loginAttempt(RequestContext.loginEvent(request, clientAddress, "fetch_api_key", organization,
                    username, null, "failure", failure.code(), null));
            metrics.loginAttempt(organization == null ? null : organization.subdomain(), null, failure.code());
            throw admission == null ? failure : failure.withHeaders(admission.headers());
        }
    }

    /**
     * Runs the backends; a success clears the username's count, and an outage (any 5xx: directory,
     * database, hashing capacity) takes the attempt back, as it says nothing about the password.
     */
    private Login authenticate(Admission admission, LoginAttempt attempt) {
        Login login;
        try {
            login = chain.authenticate(attempt);
        } catch (ZulipException failure) {
            if (failure.status() >= 500) {
                admission.notCounted();
            }
            throw failure;
        } catch (RuntimeException unexpected) {
            admission.notCounted();
            throw unexpected;
        }
        admission.succeeded();
        return login;
    }

    static ObjectNode apiKeyBody(UserAccount user) {
        ObjectNode body = ZulipJson.success();
        body.put("api_key", user.apiKey());
        body.put("email", user.email());
        body.put("user_id", user.id());
        return body;
    }
}
