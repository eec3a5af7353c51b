package no.mrs.platform.problem;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are an outage of the database or the broker (503), and which are bugs (500). */
class UnavailableTest {

    @Test
    void aRefusedOrCutConnectionAnywhereInTheCausesIsADatabaseOutage() {
        SQLException refused = new SQLException("Connection to localhost:5433 refused", "08001");
        assertThat(Unavailable.dependencyOf(new IllegalStateException("Reading measurements failed", refused)))
                .contains(Unavailable.DATABASE);
        assertThat(Unavailable.dependencyOf(new SQLException("FATAL: terminating connection due to administrator"
                + " command", "57P01"))).contains(Unavailable.DATABASE);
        assertThat(Unavailable.dependencyOf(new SQLException("the database system is starting up", "57P03")))
                .contains(Unavailable.DATABASE);
        assertThat(Unavailable.dependencyOf(new SQLException("Acquisition timeout while waiting for new connection")))
                .contains(Unavailable.DATABASE);
        assertThat(Unavailable.dependencyOf(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .contains(Unavailable.DATABASE);
    }

    @Test
    void aConnectionCutDuringTheCommitIsFoundAmongTheSuppressedExceptions() {
        // what Narayana throws when PostgreSQL goes away during the commit (seen in the chaos run)
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertThat(Unavailable.dependencyOf(new RuntimeException(rollback))).contains(Unavailable.DATABASE);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsABrokerOutage() {
        assertThat(Unavailable.dependencyOf(new IllegalStateException("Describing mrs.result-events failed",
                new java.util.concurrent.ExecutionException(new org.apache.kafka.common.errors.TimeoutException(
                        "Timed out waiting for a node assignment"))))).contains(Unavailable.BROKER);
        assertThat(Unavailable.dependencyOf(new IllegalStateException(new Unavailable(Unavailable.BROKER, "late",
                null)))).contains(Unavailable.BROKER);
    }

    @Test
    void bugsAndBrokenSchemasAreNotOutages() {
        assertThat(Unavailable.dependencyOf(new NullPointerException())).isEmpty();
        assertThat(Unavailable.dependencyOf(new IllegalStateException("x", new SQLException("relation does not"
                + " exist", "42P01")))).isEmpty();
        assertThat(Unavailable.dependencyOf(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(Unavailable.dependencyOf(new SQLException("no state"))).isEmpty();
        RuntimeException loop = new RuntimeException("self");
        loop.addSuppressed(new RuntimeException("other", loop));
        assertThat(Unavailable.dependencyOf(loop)).isEmpty();
    }
}
