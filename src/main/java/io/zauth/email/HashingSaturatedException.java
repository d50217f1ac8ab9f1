package io.zauth.email;

import io.zauth.auth.BackendUnavailableException;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;

/** No hashing turn came within the wait: the server is saturated, which says nothing about the password. */
final class HashingSaturatedException extends BackendUnavailableException {

    HashingSaturatedException() {
        super("password hashing is saturated");
    }

    @Override
    public ZulipException answer() {
        return ZulipErrors.serverBusy();
    }
}
