package io.zauth.auth;

import io.zauth.user.UserAccount;

/** What a backend concluded about one attempt. */
public sealed interface AuthOutcome {

    static AuthOutcome authenticated(UserAccount user) {
        return new Authenticated(user);
    }

    static AuthOutcome rejected(Reason reason) {
        return new Rejected(reason);
    }

    record Authenticated(UserAccount user) implements AuthOutcome {}

    record Rejected(Reason reason) implements AuthOutcome {}

    /** Why a backend said no. Only the last two reach the client as their own errors. */
    enum Reason {
        /** The backend does not know this username. */
        UNKNOWN_USER,
        /** Wrong password, or no usable one. */
        BAD_CREDENTIALS,
        /** Right credentials, but the organization's rules keep this person out. */
        NOT_ALLOWED,
        /** Right password, deactivated account. */
        USER_DEACTIVATED,
        /** Right password, but it must be reset first. */
        PASSWORD_RESET_REQUIRED
    }
}
