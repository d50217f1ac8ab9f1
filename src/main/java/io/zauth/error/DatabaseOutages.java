package io.zauth.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means the database cannot be reached, however deeply the JDBC driver,
 * the connection pool, Hibernate and the transaction manager have wrapped it.
 */
final class DatabaseOutages {

    private DatabaseOutages() {}

    static boolean isOutage(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable error) {
        if (error instanceof JDBCConnectionException
                || error instanceof SQLTransientConnectionException
                || error instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (error instanceof SQLException sql) {
            return isConnectionState(sql.getSQLState()) || isAcquisitionTimeout(sql);
        }
        return false;
    }

    /** SQLState class 08 (connection exception); PostgreSQL's 57P01–57P03: the server shut down or is starting. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Agroal gives no SQLState when no connection could be had in time ("Sorry, acquisition timeout!"). */
    private static boolean isAcquisitionTimeout(SQLException error) {
        String message = error.getMessage();
        return error.getSQLState() == null && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
