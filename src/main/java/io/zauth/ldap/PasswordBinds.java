package io.zauth.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;

/**
 * The pooled connections that check people's passwords. Every use of a connection begins with a
 * bind as the person whose password is checked, and the only other operation it may carry, under
 * that same bind, is reading that person's own entry. So the identity a connection is left with
 * after a bind is never acted under: the next thing sent on it is the next person's bind, and no
 * re-bind is needed in between. Nothing else can borrow these connections: the pool is private.
 * A connection is returned only after its operation completed with an answer; one that timed out,
 * broke or failed in any unforeseen way is discarded.
 */
final class PasswordBinds implements AutoCloseable {

    private final String directory;
    private final LDAPConnectionPool pool;

    /** @param pool unauthenticated connections that nothing else uses */
    PasswordBinds(String directory, LDAPConnectionPool pool) {
        this.directory = directory;
        this.pool = pool;
    }

    /**
     * What a bind as the person said.
     *
     * @param accepted whether the directory accepted the password
     * @param ownEntry the person's entry read under their own bind, when it was asked for and could be read
     */
    record Result(boolean accepted, SearchResultEntry ownEntry) {
        static final Result REFUSED = new Result(false, null);
    }

    /**
     * Binds as {@code dn} with {@code password} and, when {@code ownEntryAttributes} is not null,
     * reads the entry at {@code dn} under that bind.
     *
     * @throws DirectoryUnavailableException when no connection could be had or the directory did not answer
     */
    Result bind(String dn, String password, String[] ownEntryAttributes) {
        LDAPConnection connection = borrow();
        boolean reusable = false;
        try {
            try {
                connection.bind(dn, password);
            } catch (LDAPException e) {
                reusable = answered(e);
                if (!reusable) {
                    throw DirectoryUnavailableException.warned(directory, e);
                }
                return Result.REFUSED;
            }
            SearchResultEntry entry = null;
            if (ownEntryAttributes != null) {
                try {
                    entry = connection.getEntry(dn, ownEntryAttributes);
                } catch (LDAPException e) {
                    if (!answered(e)) {
                        throw DirectoryUnavailableException.warned(directory, e);
                    }
                }
            }
            reusable = true;
            return new Result(true, entry);
        } finally {
            if (reusable) {
                pool.releaseConnection(connection);
            } else {
                pool.releaseDefunctConnection(connection);
            }
        }
    }

    /** The directory answered the operation and the connection is fit for the next bind. */
    private static boolean answered(LDAPException e) {
        return ResultCode.isConnectionUsable(e.getResultCode()) && e.getResultCode() != ResultCode.TIMEOUT;
    }

    private LDAPConnection borrow() {
        try {
            return pool.getConnection();
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException(directory, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
