package io.zauth.ldap;

import io.zauth.auth.BackendUnavailableException;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;

/** Every URL of a directory failed to connect or answer in time: an outage, never a wrong password. */
public class DirectoryUnavailableException extends BackendUnavailableException {

    private final String reason;

    public DirectoryUnavailableException(String directory, String reason) {
        super("directory '" + directory + "' unavailable: " + reason);
        this.reason = reason;
    }

    /** The LDAP result that made it so, e.g. {@code connect error} or {@code timeout}. */
    public String reason() {
        return reason;
    }

    @Override
    public ZulipException answer() {
        return ZulipErrors.directoryUnavailable();
    }
}
