package io.zauth.jwt;

import static io.restassured.RestAssured.given;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.CapturedLogs;
import io.zauth.support.Fixtures;
import io.zauth.support.FreePorts;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zulip's jwt/fetch_api_key with issuers zauth is configured for: an HMAC secret (Zulip's
 * JWT_AUTH_KEYS), and RSA and Ed25519 public keys from PEM files. Keycloak issuing real tokens
 * through its key set is JwtKeycloakIT.
 */
@QuarkusTest
@TestProfile(JwtFetchApiKeyTest.Issuers.class)
class JwtFetchApiKeyTest {

    static final String SECRET = "a shared HMAC secret of more than thirty-two bytes";
    static final Path KEYS = Path.of("target", "jwt-test-keys");
    static final String PATH = "/api/v1/jwt/fetch_api_key";
    static final String BAD = "Bad JSON web token";

    public static class Issuers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String rsa = publicKeyFile("RSA");
            String ed = publicKeyFile("Ed25519");
            return Map.ofEntries(
                    Map.entry("zauth.jwt.issuers.shared.key", SECRET),
                    Map.entry("zauth.jwt.issuers.shared.organizations", "jwt-hs,jwt-off"),
                    Map.entry("zauth.jwt.issuers.rsa.algorithms", "RS256"),
                    Map.entry("zauth.jwt.issuers.rsa.public-key-file", rsa),
                    Map.entry("zauth.jwt.issuers.rsa.organizations", "jwt-rs"),
                    Map.entry("zauth.jwt.issuers.ed.algorithms", "EdDSA"),
                    Map.entry("zauth.jwt.issuers.ed.public-key-file", ed),
                    Map.entry("zauth.jwt.issuers.ed.organizations", "jwt-ed"),
                    Map.entry("zauth.jwt.issuers.strict.key", SECRET),
                    Map.entry("zauth.jwt.issuers.strict.issuer", "https://sso.example.edu"),
                    Map.entry("zauth.jwt.issuers.strict.audience", "zauth"),
                    Map.entry("zauth.jwt.issuers.strict.email-claim", "mail"),
                    Map.entry("zauth.jwt.issuers.strict.organizations", "jwt-strict"),
                    Map.entry("zauth.jwt.issuers.gone.algorithms", "RS256"),
                    Map.entry("zauth.jwt.issuers.gone.jwks-url", "http://127.0.0.1:" + FreePorts.next() + "/certs"),
                    Map.entry("zauth.jwt.issuers.gone.organizations", "jwt-gone"),
                    Map.entry("zauth.rate-limit.address", "3/30m"),
                    Map.entry("zauth.rate-limit.trusted-proxies", "127.0.0.1"));
        }
    }

    @Inject
    Fixtures fixtures;

    Organization hs;
    Organization rs;
    Organization ed;
    Organization strict;

    @BeforeEach
    void organizations() {
        hs = organization("jwt-hs", "jwt", "email");
        rs = organization("jwt-rs", "jwt");
        ed = organization("jwt-ed", "jwt");
        strict = organization("jwt-strict", "jwt");
    }

    Organization organization(String subdomain, String... methods) {
        return fixtures.organizations().createOrUpdate(subdomain, new OrganizationSettings("JWT " + subdomain, null, null,
                List.of(methods), null, false, null, null, null, null));
    }

    static ValidatableResponse jwtLogin(Organization org, String token) {
        return jwtLogin(org, token, "198.51.100." + (int) (Math.random() * 250 + 1));
    }

    static ValidatableResponse jwtLogin(Organization org, String token, String clientAddress) {
        return given().header("Host", Fixtures.host(org)).header("X-Forwarded-For", clientAddress)
                .formParam("token", token).post(PATH).then();
    }

    @Test
    void aTokenForAnExistingUserGivesTheirKeyWithoutUserId() {
        UserAccount user = fixtures.user(hs);
        jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(user.email()))).statusCode(200)
                .body("result", equalTo("success")).body("msg", equalTo(""))
                .body("api_key", equalTo(user.apiKey())).body("email", equalTo(user.email()))
                .body("$", not(hasKey("user_id"))).body("$", not(hasKey("user")));
    }

    @Test
    void includeProfileAddsTheUserAsUsersMeDescribesIt() {
        UserAccount user = fixtures.user(hs, Fixtures.unique("prof") + "@example.com", Fixtures.PASSWORD, Role.ADMIN);
        given().header("Host", Fixtures.host(hs)).formParam("token", Tokens.hs256(SECRET, Tokens.claims(user.email())))
                .formParam("include_profile", "true").post(PATH).then().statusCode(200)
                .body("user.user_id", equalTo((int) user.id())).body("user.email", equalTo(user.email()))
                .body("user.role", equalTo(200)).body("user.is_admin", equalTo(true))
                .body("user.max_message_id", equalTo(-1));
        assertError(given().header("Host", Fixtures.host(hs)).formParam("token", "x").formParam("include_profile", "yes")
                .post(PATH).then(), 400, "BAD_REQUEST", "include_profile is not a boolean");
    }

    @Test
    void asymmetricKeysFromPemFilesVerify() throws Exception {
        UserAccount rsaUser = fixtures.user(rs);
        jwtLogin(rs, Tokens.sign(Tokens.claims(rsaUser.email()), "RS256", privateKey("RSA"), null)).statusCode(200)
                .body("api_key", equalTo(rsaUser.apiKey()));
        UserAccount edUser = fixtures.user(ed);
        jwtLogin(ed, Tokens.sign(Tokens.claims(edUser.email()), "EdDSA", privateKey("Ed25519"), null)).statusCode(200)
                .body("api_key", equalTo(edUser.apiKey()));
    }

    /** Identity providers' tokens pass the 1,024 characters other parameters are held to. */
    @Test
    void aLongTokenIsReadAndAnOverlongOneRefusedClearly() {
        UserAccount user = fixtures.user(hs);
        JwtClaims claims = Tokens.claims(user.email());
        claims.setStringListClaim("groups", java.util.Collections.nCopies(100, "a-group-with-a-long-name"));
        String token = Tokens.hs256(SECRET, claims);
        org.junit.jupiter.api.Assertions.assertTrue(token.length() > 2048, "length " + token.length());
        jwtLogin(hs, token).statusCode(200).body("api_key", equalTo(user.apiKey()));
        assertError(jwtLogin(hs, "x".repeat(8 * 1024 + 1)), 400, "BAD_REQUEST", "Argument 'token' is longer than 8192 characters");
    }

    @Test
    void anOrganizationWithoutTheMethodOrAnIssuerHasNoJwtLogin() {
        Organization off = organization("jwt-off", "email");
        UserAccount user = fixtures.user(off);
        String token = Tokens.hs256(SECRET, Tokens.claims(user.email()));
        assertError(jwtLogin(off, token), 400, "BAD_REQUEST", "JWT authentication is not enabled for this organization");
        Organization unserved = fixtures.organization("jwt");
        assertError(jwtLogin(unserved, token), 400, "BAD_REQUEST", "JWT authentication is not enabled for this organization");
    }

    @Test
    void zulipsOrderOfRefusals() {
        assertError(jwtLogin(hs, ""), 400, "BAD_REQUEST", "No JSON web token passed in request");
        assertError(jwtLogin(hs, "not a token"), 400, "BAD_REQUEST", BAD);
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(null))), 400, "BAD_REQUEST",
                "No email specified in JSON web token claims");
        assertError(given().header("Host", "nowhere." + Fixtures.ROOT_DOMAIN).formParam("token", "x").post(PATH).then(),
                404, "NONEXISTENT_SUBDOMAIN", "Invalid subdomain");
        assertError(given().header("Host", Fixtures.host(hs)).formParam("token", "x").post("/api/v1/saml/fetch_api_key").then(),
                404, "BAD_REQUEST", "Endpoint does not exist");
        assertError(given().header("Host", Fixtures.host(hs)).get(PATH).then(), 405, null, "Method Not Allowed")
                .header("Allow", "POST");
    }

    @Test
    void tokensOutsideTheIssuersRulesAreBad() throws Exception {
        String email = fixtures.user(hs).email();
        assertError(jwtLogin(hs, Tokens.hs256("another secret of more than thirty-two bytes!", Tokens.claims(email))), 400, "BAD_REQUEST", BAD);
        assertError(jwtLogin(hs, Tokens.unsigned(Tokens.claims(email))), 400, "BAD_REQUEST", BAD);
        assertError(jwtLogin(hs, Tokens.sign(Tokens.claims(email), "HS512",
                new HmacKey((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)), null)), 400, "BAD_REQUEST", BAD);
        JwtClaims expired = Tokens.claims(email);
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, expired)), 400, "BAD_REQUEST", BAD);
        JwtClaims noExpiry = Tokens.claims(email);
        noExpiry.unsetClaim("exp");
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, noExpiry)), 400, "BAD_REQUEST", BAD);
        JwtClaims notYet = Tokens.claims(email);
        notYet.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 600));
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, notYet)), 400, "BAD_REQUEST", BAD);
        JwtClaims withAudience = Tokens.claims(email);
        withAudience.setAudience("someone-else");
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, withAudience)), 400, "BAD_REQUEST", BAD);
    }

    /** The RSA public key is public: signing HS256 with its bytes must not pass as the issuer's signature. */
    @Test
    void theHs256WithThePublicKeyConfusionIsRefused() throws Exception {
        UserAccount user = fixtures.user(rs);
        byte[] publicKey = Files.readAllBytes(KEYS.resolve("RSA-public.pem"));
        assertError(jwtLogin(rs, Tokens.sign(Tokens.claims(user.email()), "HS256", new HmacKey(publicKey), null)),
                400, "BAD_REQUEST", BAD);
    }

    @Test
    void issuerAudienceAndEmailClaimAreCheckedWhenConfigured() {
        UserAccount user = fixtures.user(strict);
        JwtClaims good = new JwtClaims();
        good.setClaim("mail", user.email());
        good.setExpirationTimeMinutesInTheFuture(5);
        good.setIssuer("https://sso.example.edu");
        good.setAudience("zauth");
        jwtLogin(strict, Tokens.hs256(SECRET, good)).statusCode(200).body("api_key", equalTo(user.apiKey()));
        good.setIssuer("https://other.example.edu");
        assertError(jwtLogin(strict, Tokens.hs256(SECRET, good)), 400, "BAD_REQUEST", BAD);
        good.setIssuer("https://sso.example.edu");
        good.setAudience("another-app");
        assertError(jwtLogin(strict, Tokens.hs256(SECRET, good)), 400, "BAD_REQUEST", BAD);
    }

    @Test
    void theUserMustExistBeActiveAndInAnActiveOrganization() {
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(Fixtures.unique("ghost") + "@example.com"))), 401,
                "AUTHENTICATION_FAILED", "Your username or password is incorrect");
        UserAccount gone = fixtures.user(hs);
        fixtures.users().setActive(gone.id(), false);
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(gone.email()))), 401, "USER_DEACTIVATED",
                "Account is deactivated");
        Organization closing = organization("jwt-rs", "jwt");
        UserAccount member = fixtures.user(closing);
        fixtures.organizations().setDeactivated("jwt-rs", true);
        try {
            assertError(jwtLogin(closing, Tokens.sign(Tokens.claims(member.email()), "RS256", privateKey("RSA"), null)),
                    401, "REALM_DEACTIVATED", "This organization has been deactivated");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            fixtures.organizations().setDeactivated("jwt-rs", false);
        }
    }

    /** The issuer's key set cannot be fetched: an outage (503), not a bad token, and not counted. */
    @Test
    void anUnreachableKeySetIsAnOutage() throws Exception {
        Organization gone = organization("jwt-gone", "jwt");
        String token = Tokens.sign(Tokens.claims(fixtures.user(gone).email()), "RS256", privateKey("RSA"), "some-key");
        String address = "203.0.113.90";
        for (int i = 0; i < 4; i++) {
            assertError(jwtLogin(gone, token, address), 503, "TOKEN_ISSUER_UNAVAILABLE",
                    "The token issuer's keys are unavailable; try again later").header("Retry-After", "5");
        }
    }

    @Test
    void failedTokensCountAgainstTheClientAddress() {
        String address = "203.0.113.77";
        for (int i = 0; i < 3; i++) {
            assertError(jwtLogin(hs, "forged." + i + ".token", address), 400, "BAD_REQUEST", BAD);
        }
        UserAccount user = fixtures.user(hs);
        assertError(jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(user.email())), address), 429, "RATE_LIMIT_HIT",
                "API usage exceeded rate limit");
        jwtLogin(hs, Tokens.hs256(SECRET, Tokens.claims(user.email())), "203.0.113.78").statusCode(200);
    }

    @Test
    void theTokenNeverReachesALog() {
        CapturedLogs logs = new CapturedLogs("");
        logs.attach();
        String token = Tokens.hs256(SECRET, Tokens.claims(fixtures.user(hs).email()));
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        try {
            jwtLogin(hs, token).statusCode(200);
            jwtLogin(hs, forged).statusCode(400);
        } finally {
            logs.detach();
        }
        for (LogRecord record : logs.records()) {
            String line = String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters());
            assertFalse(line.contains(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'))), line);
        }
    }

    /** A key pair per type, made once and kept in target/ so that the profile and the tests agree. */
    static synchronized String publicKeyFile(String type) {
        Path publicPem = KEYS.resolve(type + "-public.pem");
        Path privateDer = KEYS.resolve(type + "-private.der");
        try {
            if (!Files.exists(publicPem) || !Files.exists(privateDer)) {
                Files.createDirectories(KEYS);
                KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
                if (type.equals("RSA")) {
                    generator.initialize(2048);
                }
                KeyPair pair = generator.generateKeyPair();
                Files.write(privateDer, pair.getPrivate().getEncoded());
                Files.writeString(publicPem, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return publicPem.toAbsolutePath().toString();
    }

    static PrivateKey privateKey(String type) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(
                    Files.readAllBytes(KEYS.resolve(type + "-private.der"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
