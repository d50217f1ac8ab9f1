package io.zauth.jwt;

import io.zauth.error.ZulipErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * One issuer's rules for a token, checked by jose4j: a signature by the issuer's key with one of
 * the configured algorithms ({@code none} and every other algorithm refused), {@code exp}
 * required, {@code nbf} honoured, both within the leeway, {@code iss} and {@code aud} when
 * configured (and no {@code aud} accepted when none is, as PyJWT does for Zulip).
 */
final class TokenVerifier {

    /** HMAC secrets shorter than the hash are refused by jose4j (RFC 7518 §3.2): say so at start-up. */
    private static final int MIN_HMAC_BYTES = 32;

    private final String emailClaim;
    private final JwtConsumer consumer;

    TokenVerifier(String name, JwtConfig.Issuer config, IssuerKeys keys) {
        validate(name, config);
        this.emailClaim = config.emailClaim();
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.leeway().toSeconds())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        config.algorithms().toArray(String[]::new))
                .setVerificationKeyResolver(keys);
        config.issuer().ifPresent(builder::setExpectedIssuer);
        config.audience().ifPresent(audience -> builder.setExpectedAudience(audience.toArray(String[]::new)));
        this.consumer = builder.build();
    }

    /**
     * The email the token carries, or the Zulip error that refuses it.
     *
     * @throws KeySetUnavailableException when the issuer's key set cannot be fetched
     */
    String emailOf(String token) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException invalid) {
            for (Throwable cause = invalid.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof KeySetUnavailableException outage) {
                    throw outage;
                }
            }
            throw ZulipErrors.badRequest("Bad JSON web token");
        }
        Object email = claims.getClaimValue(emailClaim);
        if (!(email instanceof String text) || text.isBlank()) {
            throw ZulipErrors.badRequest("No email specified in JSON web token claims");
        }
        return text.strip();
    }

    private static void validate(String name, JwtConfig.Issuer config) {
        String prefix = "zauth.jwt.issuers." + name + ".";
        List<String> algorithms = config.algorithms();
        if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> a.equalsIgnoreCase("none"))) {
            throw new IllegalArgumentException(prefix + "algorithms must name signature algorithms (never none)");
        }
        boolean hmac = algorithms.stream().anyMatch(a -> a.startsWith("HS"));
        boolean asymmetric = algorithms.stream().anyMatch(a -> !a.startsWith("HS"));
        Optional<String> key = config.key();
        if (hmac && key.isEmpty()) {
            throw new IllegalArgumentException(prefix + "key is needed for " + algorithms);
        }
        if (key.isPresent() && key.get().getBytes(StandardCharsets.UTF_8).length < MIN_HMAC_BYTES) {
            throw new IllegalArgumentException(prefix + "key must have at least " + MIN_HMAC_BYTES + " bytes");
        }
        if (asymmetric && config.publicKeyFile().isEmpty() && config.jwksUrl().isEmpty()) {
            throw new IllegalArgumentException(prefix + "public-key-file or jwks-url is needed for " + algorithms);
        }
        if (config.publicKeyFile().isPresent() && config.jwksUrl().isPresent()) {
            throw new IllegalArgumentException(prefix + "choose public-key-file or jwks-url, not both");
        }
    }
}
