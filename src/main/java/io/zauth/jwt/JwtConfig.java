package io.zauth.jwt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zulip's JWT login ({@code POST /api/v1/jwt/fetch_api_key}): the issuers whose tokens zauth
 * accepts, by name, each serving the organizations it lists. An organization uses it when
 * {@code jwt} is among its methods and one issuer lists it (Zulip's JWT_AUTH_KEYS, keyed by
 * subdomain). Every property is listed in docs/configuration.md.
 */
@ConfigMapping(prefix = "zauth.jwt")
public interface JwtConfig {

    Map<String, Issuer> issuers();

    interface Issuer {

        /** Subdomains of the organizations whose tokens this issuer signs. */
        Optional<List<String>> organizations();

        /** Whether it also serves the organization at the root domain (subdomain ""). */
        @WithDefault("false")
        boolean rootOrganization();

        /** HMAC secret for HS256/HS384/HS512, as Zulip's JWT_AUTH_KEYS key (at least as long as the hash). */
        Optional<String> key();

        /** A PEM file with the issuer's public key (RSA, EC or Ed25519), for a fixed asymmetric key. */
        Optional<String> publicKeyFile();

        /** The issuer's JSON Web Key Set URL, fetched and cached; an unknown key id refreshes it. */
        Optional<String> jwksUrl();

        /** Signature algorithms accepted, e.g. HS256 (Zulip's default) or RS256, ES256, EdDSA. */
        @WithDefault("HS256")
        List<String> algorithms();

        /** When set, the {@code iss} a token must carry. */
        Optional<String> issuer();

        /** When set, one of these must be in the token's {@code aud}; when unset, a token with an {@code aud} is refused. */
        Optional<List<String>> audience();

        /** The claim that carries the user's email. */
        @WithDefault("email")
        String emailClaim();

        /** Clock skew allowed on {@code exp} and {@code nbf}. */
        @WithDefault("30s")
        Duration leeway();

        /** The shortest time between two fetches of the key set when tokens name unknown key ids. */
        @WithDefault("5s")
        Duration jwksRefreshMinInterval();

        /** Connect and read timeout of a key-set fetch. */
        @WithDefault("2s")
        Duration jwksTimeout();
    }
}
