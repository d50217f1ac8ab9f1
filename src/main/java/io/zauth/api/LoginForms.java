package io.zauth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form fields of the login endpoints, for the OpenAPI document only: the resources read
 * parameters through {@link ZulipParams}, which also takes them from the query string.
 */
final class LoginForms {

    private LoginForms() {}

    @Schema(name = "FetchApiKeyForm", requiredProperties = {"username", "password"})
    record Password(
            @Schema(description = "The user's email, or the directory username where the organization allows it",
                    examples = "iago@zulip.com", maxLength = ZulipParams.MAX_LENGTH) String username,
            @Schema(description = "The user's password", examples = "abcd1234", format = "password",
                    maxLength = ZulipParams.MAX_LENGTH) String password) {}

    @Schema(name = "DevFetchApiKeyForm", requiredProperties = "username")
    record Dev(
            @Schema(description = "The email of any active user of the organization", examples = "iago@zulip.com",
                    maxLength = ZulipParams.MAX_LENGTH) String username) {}

    @Schema(name = "TokenFetchApiKeyForm")
    record Token(
            @Schema(description = "The token, e.g. a JSON web token signed by the organization's issuer",
                    maxLength = ZulipParams.MAX_TOKEN_LENGTH) String token,
            @Schema(description = "JSON true to receive the user object too", examples = "false",
                    defaultValue = "false") String include_profile) {}
}
