package io.zauth.ldap;

/** Every URL of a directory failed to connect or answer in time: an outage, never a wrong password. */
public class DirectoryUnavailableException extends RuntimeException {

    private final String reason;

    public DirectoryUnavailableException(String directory, String reason) {
        super("directory '" + directory + "' unavailable: " + reason, null, false, false);
        this.reason = reason;
    }

    /** The LDAP result that made it so, e.g. {@code connect error} or {@code timeout}. */
    public String reason() {
        return reason;
    }
}
