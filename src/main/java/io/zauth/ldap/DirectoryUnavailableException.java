package io.zauth.ldap;

/** Every URL of a directory failed to connect or answer in time: an outage, never a wrong password. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String directory, String reason) {
        super("directory '" + directory + "' unavailable: " + reason, null, false, false);
    }
}
