package io.zauth.jwt;

import io.zauth.auth.BackendUnavailableException;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;

/** The issuer's key set could not be fetched: an outage, not a bad token. */
final class KeySetUnavailableException extends BackendUnavailableException {

    KeySetUnavailableException(String issuer) {
        super("the key set of JWT issuer '" + issuer + "' cannot be fetched");
    }

    @Override
    public ZulipException answer() {
        return ZulipErrors.backendUnavailable("TOKEN_ISSUER_UNAVAILABLE", "The token issuer's keys are unavailable; try again later");
    }
}
