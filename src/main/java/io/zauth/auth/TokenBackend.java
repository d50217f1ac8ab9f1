package io.zauth.auth;

import io.zauth.error.ZulipException;
import io.zauth.org.Organization;

/**
 * A backend that logs in with a token someone else issued, at {@code POST
 * /api/v1/<name>/fetch_api_key}: the token names an existing user by email, and the answer is
 * that user's API key. The backend owns its wire messages (Zulip words each token backend's
 * errors its own way); the rest (organization, user, key, rate limits, audit) is shared.
 */
public interface TokenBackend extends AuthBackend {

    @Override
    default CredentialKind credential() {
        return CredentialKind.TOKEN;
    }

    /**
     * Checks that the organization may use this backend and that the token is one it accepts.
     *
     * @return the email address the token vouches for
     * @throws ZulipException the backend's 400 answers: not enabled for the organization, no
     *     token, a token that fails verification, a token without an email (each counted
     *     against the client address like a wrong password)
     * @throws BackendUnavailableException when what it needs to verify (a key set) cannot be had
     */
    String verifiedEmail(Organization organization, String token);
}
