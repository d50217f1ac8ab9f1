package io.zauth.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached" (503), found however deeply wrapped. */
class DatabaseOutagesTest {

    @Test
    void hibernatesConnectionExceptionIsAnOutage() {
        assertTrue(DatabaseOutages.isOutage(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection refused", "08001"))));
    }

    @Test
    void aConnectionSqlStateDeepInTheCauseChainIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertTrue(DatabaseOutages.isOutage(new RuntimeException(new PersistenceException(new IllegalStateException(refused)))));
        assertTrue(DatabaseOutages.isOutage(new SQLException("I/O error", "08006")));
    }

    @Test
    void postgresqlShuttingDownIsAnOutage() {
        assertTrue(DatabaseOutages.isOutage(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutages.isOutage(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void agroalsAcquisitionTimeoutIsAnOutage() {
        assertTrue(DatabaseOutages.isOutage(new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseOutages.isOutage(new SQLTransientConnectionException("timed out")));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutages.isOutage(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutages.isOutage(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("no cause")));
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutages.isOutage(a));
    }
}
