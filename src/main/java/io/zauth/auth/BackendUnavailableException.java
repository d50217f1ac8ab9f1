package io.zauth.auth;

import io.zauth.error.ZulipException;

/**
 * A backend could not judge the credentials (its server is down or does not answer in time).
 * That is an outage, not a failed attempt: the chain answers with {@link #answer()} when no other
 * backend accepted, and the rate limit does not count what this backend never judged.
 */
public abstract class BackendUnavailableException extends RuntimeException {

    protected BackendUnavailableException(String message) {
        super(message, null, false, false);
    }

    /** The 503 the client gets when this outage decides the answer. */
    public abstract ZulipException answer();
}
