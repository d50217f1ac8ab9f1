package io.zauth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zauth.error.ZulipErrorResponses;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.login.ApiKeyAuthenticator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error examples in the OpenAPI document are the bodies zauth really sends, key order included. */
class ApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyErrorExampleIsTheBodyZulipErrorsBuilds() throws Exception {
        Map<String, ZulipException> examples = Map.ofEntries(
                Map.entry(ApiExamples.MISSING_USERNAME, ZulipErrors.missingArgument("username")),
                Map.entry(ApiExamples.INVALID_EMAIL, ZulipErrors.invalidEmail()),
                Map.entry(ApiExamples.INVALID_CHARACTERS, ZulipErrors.invalidCharacters("username")),
                Map.entry(ApiExamples.MALFORMED_REQUEST, ZulipErrors.malformedRequest()),
                Map.entry(ApiExamples.INVALID_SUBDOMAIN_400, ZulipErrors.badRequest("Invalid subdomain")),
                Map.entry(ApiExamples.BASIC_AUTH_REQUIRED, ZulipErrors.badRequest("This endpoint requires HTTP basic authentication.")),
                Map.entry(ApiExamples.AUTHENTICATION_FAILED, ZulipErrors.authenticationFailed()),
                Map.entry(ApiExamples.USER_DEACTIVATED, ZulipErrors.userDeactivated()),
                Map.entry(ApiExamples.REALM_DEACTIVATED, ZulipErrors.realmDeactivated()),
                Map.entry(ApiExamples.PASSWORD_AUTH_DISABLED, ZulipErrors.passwordAuthDisabled()),
                Map.entry(ApiExamples.PASSWORD_RESET_REQUIRED, ZulipErrors.passwordResetRequired()),
                Map.entry(ApiExamples.INVALID_API_KEY, ZulipErrors.unauthorized("Invalid API key")),
                Map.entry(ApiExamples.NOT_LOGGED_IN, ApiKeyAuthenticator.notLoggedIn()),
                Map.entry(ApiExamples.WRONG_SUBDOMAIN, ZulipErrors.unauthorized("Account is not associated with this subdomain")),
                Map.entry(ApiExamples.NONEXISTENT_SUBDOMAIN, ZulipErrors.nonexistentSubdomain()),
                Map.entry(ApiExamples.ENDPOINT_NOT_FOUND, ZulipErrors.endpointNotFound()),
                Map.entry(ApiExamples.ONLY_POST, ZulipErrors.methodNotAllowed(List.of("POST"))),
                Map.entry(ApiExamples.ONLY_GET, ZulipErrors.methodNotAllowed(List.of("GET"))),
                Map.entry(ApiExamples.TOO_LARGE, ZulipErrors.payloadTooLarge()),
                Map.entry(ApiExamples.RATE_LIMIT_HIT, ZulipErrors.rateLimitHit(1_799_873, Map.of())),
                Map.entry(ApiExamples.SERVER_BUSY, ZulipErrors.serverBusy()),
                Map.entry(ApiExamples.DIRECTORY_UNAVAILABLE, ZulipErrors.directoryUnavailable()),
                Map.entry(ApiExamples.DATABASE_UNAVAILABLE, ZulipErrors.databaseUnavailable()),
                Map.entry(ApiExamples.RATE_LIMITER_UNAVAILABLE, ZulipErrors.rateLimiterUnavailable()));
        for (Map.Entry<String, ZulipException> example : examples.entrySet()) {
            JsonNode documented = JSON.readTree(example.getKey());
            String sent = JSON.writeValueAsString(ZulipErrorResponses.body(example.getValue()));
            assertEquals(sent, JSON.writeValueAsString(documented));
        }
    }
}
