package io.zauth.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The key a token's signature is checked with, chosen by the token's algorithm: the HMAC secret
 * for HS*, and only for HS*; otherwise the issuer's fixed public key or the key of its JWKS that
 * matches the token's key id and algorithm. A public key never serves as an HMAC secret, so the
 * HS256-with-a-public-key confusion cannot happen. A token whose key id is not in the cached set
 * refreshes it, at most once per {@code jwks-refresh-min-interval}, so a flood of made-up key ids
 * cannot turn into a flood of fetches.
 */
final class IssuerKeys implements VerificationKeyResolver {

    private final String issuerName;
    private final Optional<HmacKey> hmacKey;
    private final Optional<PublicKey> publicKey;
    private final Optional<HttpsJwks> jwks;
    private final long refreshMinIntervalNanos;
    private final LongSupplier clock;
    private final AtomicLong lastRefresh = new AtomicLong(Long.MIN_VALUE);

    IssuerKeys(String issuerName, JwtConfig.Issuer config, LongSupplier clock) {
        this.issuerName = issuerName;
        this.clock = clock;
        this.hmacKey = config.key().map(secret -> new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        this.publicKey = config.publicKeyFile().map(file -> readPublicKey(issuerName, Path.of(file)));
        this.jwks = config.jwksUrl().map(url -> keySet(url, config));
        this.refreshMinIntervalNanos = config.jwksRefreshMinInterval().toNanos();
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String algorithm = jws.getAlgorithmHeaderValue();
        if (algorithm != null && algorithm.startsWith("HS")) {
            return hmacKey.orElseThrow(() -> new UnresolvableKeyException("no HMAC secret"));
        }
        if (publicKey.isPresent()) {
            return publicKey.get();
        }
        if (jwks.isPresent()) {
            return fromKeySet(jws);
        }
        throw new UnresolvableKeyException("no public key");
    }

    private Key fromKeySet(JsonWebSignature jws) throws UnresolvableKeyException {
        JsonWebKey key = select(jws, fetched(false));
        if (key == null && mayRefresh()) {
            key = select(jws, fetched(true));
        }
        if (key == null) {
            throw new UnresolvableKeyException("no key of the set matches");
        }
        return key.getKey();
    }

    /** The key set, cached or fetched again; a set that cannot be fetched or read is the issuer's outage. */
    private List<JsonWebKey> fetched(boolean refresh) {
        try {
            if (refresh) {
                jwks.get().refresh();
            }
            return jwks.get().getJsonWebKeys();
        } catch (IOException | JoseException e) {
            throw new KeySetUnavailableException(issuerName);
        }
    }

    /** The key the token names (by kid and algorithm), or null; a token whose header cannot be matched names none. */
    private static JsonWebKey select(JsonWebSignature jws, List<JsonWebKey> keys) {
        try {
            return new VerificationJwkSelector().select(jws, keys);
        } catch (JoseException e) {
            return null;
        }
    }

    private boolean mayRefresh() {
        long now = clock.getAsLong();
        long last = lastRefresh.get();
        return (last == Long.MIN_VALUE || now - last >= refreshMinIntervalNanos) && lastRefresh.compareAndSet(last, now);
    }

    private static HttpsJwks keySet(String url, JwtConfig.Issuer config) {
        HttpsJwks keySet = new HttpsJwks(url);
        Get get = new Get();
        int timeoutMillis = (int) config.jwksTimeout().toMillis();
        get.setConnectTimeout(timeoutMillis);
        get.setReadTimeout(timeoutMillis);
        keySet.setSimpleHttpGet(get);
        return keySet;
    }

    /** An X.509 SubjectPublicKeyInfo in PEM ("BEGIN PUBLIC KEY"), of whichever key type it holds. */
    static PublicKey readPublicKey(String issuerName, Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("zauth.jwt.issuers." + issuerName + ".public-key-file cannot be read: " + file);
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        X509EncodedKeySpec spec;
        try {
            spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("zauth.jwt.issuers." + issuerName + ".public-key-file is not a PEM public key");
        }
        for (String type : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (GeneralSecurityException notThisType) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("zauth.jwt.issuers." + issuerName + ".public-key-file holds no RSA, EC or Ed25519 public key");
    }
}
