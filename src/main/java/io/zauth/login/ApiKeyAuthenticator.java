package io.zauth.login;

import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.key.ApiKeys;
import io.zauth.metrics.ZauthMetrics;
import io.zauth.org.Organization;
import io.zauth.org.Organizations;
import io.zauth.ratelimit.FailedKeyChecks;
import io.zauth.user.UserAccount;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * HTTP Basic {@code email:api_key}, checked as Zulip's decorator.py does (get_basic_credentials,
 * validate_api_key, validate_account_and_subdomain), with its messages. Failures that could be
 * guesses (a wrong or malformed key, an unreadable header) count against the client's address
 * like failed logins; every check is counted by outcome.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final UserAccounts users;
    private final Organizations organizations;
    private final FailedKeyChecks failedChecks;
    private final ZauthMetrics metrics;

    ApiKeyAuthenticator(UserAccounts users, Organizations organizations, FailedKeyChecks failedChecks, ZauthMetrics metrics) {
        this.users = users;
        this.organizations = organizations;
        this.failedChecks = failedChecks;
        this.metrics = metrics;
    }

    /**
     * @param authorization the Authorization header, or null
     * @param requestOrganization the organization the request's Host names, if any
     * @param clientAddress gives the client's address (null when unknown); asked only when needed
     * @throws ZulipException Zulip's refusal, or 429 when the address is over its limit
     */
    public UserAccount authenticate(String authorization, Optional<Organization> requestOrganization,
            Supplier<String> clientAddress) {
        try {
            failedChecks.admit(clientAddress);
            UserAccount user;
            try {
                user = check(authorization, requestOrganization);
            } catch (GuessFailed failed) {
                failedChecks.failed(clientAddress);
                throw failed.refusal;
            }
            metrics.apiKeyCheck("success");
            return user;
        } catch (ZulipException refused) {
            metrics.apiKeyCheck(outcome(refused));
            throw refused;
        }
    }

    private UserAccount check(String authorization, Optional<Organization> requestOrganization) throws GuessFailed {
        Credentials credentials = parse(authorization);
        String apiKey = credentials.apiKey().strip();
        if (!ApiKeys.hasFormat(apiKey)) {
            throw new GuessFailed(ZulipErrors.unauthorized("Malformed API key"));
        }
        UserAccount user = users.byApiKey(apiKey).orElseThrow(() -> new GuessFailed(invalidKey()));
        if (!sameEmail(user.email(), credentials.username()) && !sameDirectoryUsername(user, credentials.username())) {
            throw new GuessFailed(invalidKey());
        }
        Organization home = organizations.byId(user.organizationId()).orElseThrow(() -> ZulipErrors.unauthorized("Invalid API key"));
        if (home.deactivated()) {
            throw ZulipErrors.unauthorized(ZulipErrors.realmDeactivated().getMessage());
        }
        if (!user.active()) {
            throw ZulipErrors.unauthorized(ZulipErrors.userDeactivated().getMessage());
        }
        if (requestOrganization.map(o -> o.id() != home.id()).orElse(true)) {
            throw ZulipErrors.unauthorized("Account is not associated with this subdomain");
        }
        return user;
    }

    /** Clients keep the name typed at login; after a directory login that may be a directory username. */
    private static boolean sameDirectoryUsername(UserAccount user, String username) {
        return user.directoryUsername() != null && user.directoryUsername().equalsIgnoreCase(username.strip());
    }

    private static boolean sameEmail(String email, String username) {
        return email.toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT));
    }

    private static String outcome(ZulipException refused) {
        if (refused.status() == 429) {
            return "rate_limited";
        }
        return switch (refused.getMessage()) {
            case "Malformed API key" -> "malformed_key";
            case "Invalid API key" -> "invalid_key";
            case "Account is deactivated" -> "user_deactivated";
            case "This organization has been deactivated" -> "realm_deactivated";
            case "Account is not associated with this subdomain" -> "wrong_subdomain";
            case "Not logged in: API authentication or user session required" -> "missing";
            default -> "bad_header";
        };
    }

    private static ZulipException invalidKey() {
        return ZulipErrors.unauthorized("Invalid API key");
    }

    private static Credentials parse(String authorization) throws GuessFailed {
        if (authorization == null) {
            throw notLoggedIn();
        }
        String[] parts = WHITESPACE.split(authorization.trim());
        if (parts.length != 2) {
            throw invalidHeader();
        }
        if (!parts[0].equalsIgnoreCase("basic")) {
            throw ZulipErrors.badRequest("This endpoint requires HTTP basic authentication.");
        }
        String decoded = decode(parts[1]);
        String[] userAndKey = decoded.split(":", -1);
        if (userAndKey.length != 2) {
            throw new GuessFailed(invalidHeader());
        }
        return new Credentials(userAndKey[0], userAndKey[1]);
    }

    private static String decode(String base64) throws GuessFailed {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new GuessFailed(invalidHeader());
        }
    }

    public static ZulipException notLoggedIn() {
        return ZulipErrors.unauthorized("Not logged in: API authentication or user session required");
    }

    private static ZulipException invalidHeader() {
        return ZulipErrors.unauthorized("Invalid authorization header for basic auth");
    }

    /** A refusal the client could have been guessing its way to: counted against its address. */
    private static final class GuessFailed extends Exception {
        private final ZulipException refusal;

        GuessFailed(ZulipException refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    private record Credentials(String username, String apiKey) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }
}
