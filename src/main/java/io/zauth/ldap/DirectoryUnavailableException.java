package io.zauth.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import io.zauth.auth.BackendUnavailableException;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import org.jboss.logging.Logger;

/** Every URL of a directory failed to connect or answer in time: an outage, never a wrong password. */
public class DirectoryUnavailableException extends BackendUnavailableException {

    private static final Logger LOG = Logger.getLogger(DirectoryUnavailableException.class);

    private final String reason;

    public DirectoryUnavailableException(String directory, String reason) {
        super("directory '" + directory + "' unavailable: " + reason);
        this.reason = reason;
    }

    /** The outage an LDAP failure means, named by its result code (never its message, which may echo a DN). */
    DirectoryUnavailableException(String directory, LDAPException cause) {
        this(directory, cause.getResultCode().getName());
    }

    /** The same, with a warning in the log: an operation the directory did not answer. */
    static DirectoryUnavailableException warned(String directory, LDAPException cause) {
        LOG.warnf("Directory '%s' unavailable: %s", directory, cause.getResultCode().getName());
        return new DirectoryUnavailableException(directory, cause);
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
