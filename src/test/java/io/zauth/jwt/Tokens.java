package io.zauth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Signs test tokens with jose4j: what an issuer would send, and what an attacker would try. */
final class Tokens {

    private Tokens() {}

    static JwtClaims claims(String email) {
        JwtClaims claims = new JwtClaims();
        if (email != null) {
            claims.setClaim("email", email);
        }
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        return claims;
    }

    static String hs256(String secret, JwtClaims claims) {
        return sign(claims, "HS256", new HmacKey(secret.getBytes(StandardCharsets.UTF_8)), null);
    }

    static String sign(JwtClaims claims, String algorithm, Key key, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with {@code alg: none} and no signature at all. */
    static String unsigned(JwtClaims claims) {
        return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims.toJson()) + ".";
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
