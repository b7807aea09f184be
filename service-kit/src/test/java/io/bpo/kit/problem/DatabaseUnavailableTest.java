package io.bpo.kit.problem;

import io.bpo.core.problem.DatabaseUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A database that cannot be reached is a 503 to come back to, never a 500; a defect of ours still is one. */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void refusedConnectionWrappedByHibernateAndJpaIsRecognised() {
        var refused = new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        var wrapped = new PersistenceException(new JDBCConnectionException("could not prepare statement", refused));
        assertTrue(DatabaseUnavailable.isCause(wrapped));
    }

    @Test
    void serverShuttingDownAndStartingUpAreRecognised() {
        assertTrue(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.isCause(
                new IllegalStateException("Could not bind the tenant", new PSQLException("This connection has been closed.",
                        PSQLState.CONNECTION_DOES_NOT_EXIST))));
    }

    @Test
    void poolAcquisitionTimeoutIsRecognised() {
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseUnavailable.isCause(new SQLTransientConnectionException("no connection")));
    }

    @Test
    void failureKeptAsSuppressedByTheTransactionManagerIsRecognised() {
        var rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertTrue(DatabaseUnavailable.isCause(rollback));
    }

    @Test
    void dataAndProgrammingErrorsAreNotMistakenForAnOutage() {
        assertFalse(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
    }

    @Test
    void mapperAnswersConnectionFailureWith503RetryAfterProblem() {
        var failure = new PersistenceException(new JDBCConnectionException("could not execute query",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        Response response = mappers.unexpected(failure, null);
        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(Problem.type("database-unavailable"), problem.type());
        assertEquals(503, problem.status());
    }

    @Test
    void mapperStillAnswersADefectWith500() {
        Response response = mappers.unexpected(new IllegalArgumentException("a bug"), null);
        assertEquals(500, response.getStatus());
        assertEquals(null, response.getHeaderString("Retry-After"));
    }
}
