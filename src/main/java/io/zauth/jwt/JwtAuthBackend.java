package io.zauth.jwt;

import io.quarkus.runtime.Startup;
import io.zauth.auth.TokenBackend;
import io.zauth.error.ZulipErrors;
import io.zauth.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zulip's JWT login: a token signed by the organization's issuer, whose email claim names an
 * existing user, for that user's API key ({@code POST /api/v1/jwt/fetch_api_key}). Issuers are
 * read and checked at start-up; an organization enables the login with {@code jwt} in its methods.
 */
@Startup
@ApplicationScoped
public class JwtAuthBackend implements TokenBackend {

    public static final String NAME = "jwt";

    /** By subdomain; the root organization's is "". */
    private final Map<String, TokenVerifier> verifiers = new HashMap<>();

    JwtAuthBackend(JwtConfig config) {
        config.issuers().forEach((name, issuer) -> {
            TokenVerifier verifier = new TokenVerifier(name, issuer, new IssuerKeys(name, issuer, System::nanoTime));
            issuer.organizations().orElse(java.util.List.of()).forEach(subdomain -> serve(subdomain.strip(), name, verifier));
            if (issuer.rootOrganization()) {
                serve("", name, verifier);
            }
        });
    }

    private void serve(String subdomain, String issuer, TokenVerifier verifier) {
        if (verifiers.putIfAbsent(subdomain, verifier) != null) {
            throw new IllegalArgumentException("zauth.jwt.issuers." + issuer + ": organization '" + subdomain
                    + "' is served by another issuer too");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Zulip's order: enabled for the organization, a token at all, a valid token, an email in it. */
    @Override
    public String verifiedEmail(Organization organization, String token) {
        Optional<TokenVerifier> verifier = Optional.ofNullable(verifiers.get(organization.subdomain()))
                .filter(v -> organization.hasMethod(NAME));
        if (verifier.isEmpty()) {
            throw ZulipErrors.badRequest("JWT authentication is not enabled for this organization");
        }
        if (token.isEmpty()) {
            throw ZulipErrors.badRequest("No JSON web token passed in request");
        }
        return verifier.get().emailOf(token);
    }
}
