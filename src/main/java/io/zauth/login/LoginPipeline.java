package io.zauth.login;

import io.zauth.auth.AuthBackends;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Authenticated;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.AuthOutcome.Rejected;
import io.zauth.auth.BackendUnavailableException;
import io.zauth.auth.CredentialKind;
import io.zauth.auth.EmailAddresses;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.TokenBackend;
import io.zauth.auth.UsernameBackend;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationResolver;
import io.zauth.org.Organizations;
import io.zauth.ratelimit.Admission;
import io.zauth.ratelimit.LoginRateLimiter;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every login's one path, whatever its credential: resolve the organization from the Host → the
 * username rules → admit (rate limits: each identity as its backend comes to it, the client
 * address with the first) → the backends → the user's key → one audit line and one count. The resources
 * only read parameters and write the answer; a failure is thrown as the Zulip error to answer,
 * with the rate-limit headers of the attempt.
 */
@ApplicationScoped
public class LoginPipeline {

    private final OrganizationResolver resolver;
    private final UsernamePolicy usernamePolicy;
    private final LoginRateLimiter rateLimiter;
    private final AuthenticationChain chain;
    private final AuthBackends backends;
    private final UserAccounts users;
    private final LoginRecorder recorder;
    private final Organizations organizations;

    LoginPipeline(OrganizationResolver resolver, UsernamePolicy usernamePolicy, LoginRateLimiter rateLimiter,
            AuthenticationChain chain, AuthBackends backends, UserAccounts users, LoginRecorder recorder,
            Organizations organizations) {
        this.organizations = organizations;
        this.resolver = resolver;
        this.usernamePolicy = usernamePolicy;
        this.rateLimiter = rateLimiter;
        this.chain = chain;
        this.backends = backends;
        this.users = users;
        this.recorder = recorder;
    }

    /** Who logged in, with a key fetch_api_key can return, and the X-RateLimit-* headers of the attempt. */
    public record Login(UserAccount user, String backend, Map<String, String> rateLimitHeaders) {}

    /** {@code fetch_api_key}: a username and password through the organization's password backends. */
    public Login password(LoginRequest request, String username, String password) {
        return run(request, username, true, (organization, admission) -> {
            usernamePolicy.check(organization, username);
            return chain.authenticate(new LoginAttempt(organization, username, password), admission);
        });
    }

    /**
     * {@code dev_fetch_api_key}: a username alone, through a backend that needs no credential, in
     * Zulip's order (email format always, then the organization); not rate limited, as in Zulip.
     */
    public Login development(LoginRequest request, String username) {
        UsernameBackend backend = developmentBackend().orElseThrow(ZulipErrors::endpointNotFound);
        if (!EmailAddresses.isValid(username)) {
            throw ZulipErrors.invalidEmail();
        }
        return run(request, username, false, (organization, admission) -> {
            if (organization.deactivated()) {
                throw ZulipErrors.realmDeactivated();
            }
            AuthOutcome outcome = backend.authenticate(new LoginAttempt(organization, username, ""),
                    backend.identify(organization, username));
            if (outcome instanceof Authenticated success) {
                return new AuthenticationChain.Login(success.user(), backend.name());
            }
            throw ((Rejected) outcome).reason() == Reason.USER_DEACTIVATED
                    ? ZulipErrors.userDeactivated() : ZulipErrors.authenticationFailed();
        });
    }

    /** A user a development client may log in as, and the organization it belongs to. */
    public record DevelopmentUser(Organization organization, UserAccount user) {}

    /**
     * Zulip's dev_list_users: the active users of every active organization that enables the
     * development login, for a development client's pick list; empty when the server offers none.
     */
    public List<DevelopmentUser> developmentUsers() {
        Optional<UsernameBackend> backend = developmentBackend();
        if (backend.isEmpty()) {
            return List.of();
        }
        return organizations.list().stream()
                .filter(organization -> !organization.deactivated() && organization.hasMethod(backend.get().name()))
                .flatMap(organization -> users.list(organization.id()).stream().filter(UserAccount::active)
                        .map(user -> new DevelopmentUser(organization, user)))
                .toList();
    }

    /** Whether this server offers a login by username alone (development only). */
    public boolean developmentLoginOffered() {
        return developmentBackend().isPresent();
    }

    /**
     * {@code <method>/fetch_api_key}: a token through the token backend of that name; the user it
     * names must exist already. Failed tokens count against the client address.
     */
    public Login token(LoginRequest request, String method, String token) {
        TokenBackend backend = tokenBackend(method).orElseThrow(ZulipErrors::endpointNotFound);
        return run(request, null, true, (organization, admission) -> {
            // No identity comes before a token is judged: the address is counted on its own.
            admission.checkAddress();
            String email;
            try {
                email = backend.verifiedEmail(organization, token);
            } catch (ZulipException refused) {
                admission.judged();
                throw refused;
            } catch (BackendUnavailableException outage) {
                throw outage.answer();
            }
            // A token was judged good: a refusal of the user it names counts too.
            admission.judged();
            return new AuthenticationChain.Login(existingUser(organization, email), backend.name());
        });
    }

    /** Whether a token backend of that name exists ({@code <method>/fetch_api_key} is otherwise an unknown endpoint). */
    public boolean acceptsTokens(String method) {
        return tokenBackend(method).isPresent();
    }

    private Optional<TokenBackend> tokenBackend(String method) {
        return backends.byName(method).filter(TokenBackend.class::isInstance).map(TokenBackend.class::cast);
    }

    /** Zulip's DummyAuthBackend: the user exists, is active, in an active organization. */
    private UserAccount existingUser(Organization organization, String email) {
        Optional<UserAccount> user = users.byEmail(organization.id(), email);
        if (user.isEmpty()) {
            throw ZulipErrors.authenticationFailed();
        }
        if (!user.get().active()) {
            throw ZulipErrors.userDeactivated();
        }
        if (organization.deactivated()) {
            throw ZulipErrors.realmDeactivated();
        }
        return user.get();
    }

    private Optional<UsernameBackend> developmentBackend() {
        return backends.all().stream()
                .filter(backend -> backend.credential() == CredentialKind.NONE && backend.offered())
                .filter(UsernameBackend.class::isInstance).map(UsernameBackend.class::cast)
                .findFirst();
    }

    /**
     * What every login shares: the organization, the admission (a success settles it), the key,
     * the record.
     *
     * @param limited false for development logins, which Zulip does not rate limit (the admission is then null)
     */
    private Login run(LoginRequest request, String username, boolean limited, Authentication authenticate) {
        Organization organization = null;
        Admission admission = null;
        try {
            organization = resolver.resolve(request.host()).orElseThrow(ZulipErrors::nonexistentSubdomain);
            AuthenticationChain.Login login;
            if (limited) {
                admission = rateLimiter.admit(organization.loginRateLimit(), request.clientAddress());
                try (Admission counted = admission) {
                    try {
                        login = authenticate.apply(organization, counted);
                    } catch (ZulipException failure) {
                        // An attempt that ended before any identity was charged: an address over its
                        // limit is still answered 429, whatever else was wrong.
                        counted.checkAddress();
                        throw failure;
                    }
                    counted.succeeded();
                }
            } else {
                login = authenticate.apply(organization, null);
            }
            UserAccount user = users.withReadableApiKey(login.user());
            recorder.succeeded(request, organization, username == null ? user.email() : username, login.backend(), user);
            return new Login(user, login.backend(), admission == null ? Map.of() : admission.headers());
        } catch (ZulipException failure) {
            recorder.failed(request, organization, username, failure);
            throw admission == null ? failure : failure.withHeaders(admission.headers());
        }
    }

    @FunctionalInterface
    private interface Authentication {
        AuthenticationChain.Login apply(Organization organization, Admission admission);
    }
}
