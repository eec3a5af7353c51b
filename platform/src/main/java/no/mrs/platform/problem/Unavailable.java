package no.mrs.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A dependency a request needs — the service's database or the Kafka broker — cannot be reached at the moment. Not
 * a bug of the service and not the client's fault: the answer is a {@code 503 unavailable} problem with
 * {@code Retry-After} (docs/PROBLEMS.md), and readiness reports the dependency DOWN meanwhile. Code that meets such
 * an outage without a recognisable cause (say, a timeout of its own) throws this; {@link #dependencyOf} recognises
 * the usual causes (a refused or cut database connection, the pool's acquisition timeout, a server that shuts down
 * or starts up, a broker that does not answer) anywhere in a failure's cause chain.
 */
public class Unavailable extends RuntimeException {

    public static final String DATABASE = "database";
    public static final String BROKER = "message broker";
    /** What {@code Retry-After} says: about the time a restarting database or broker needs. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** connection exception; insufficient resources (too many connections). */
    private static final Set<String> SQL_CLASSES = Set.of("08", "53");
    /** admin_shutdown, crash_shutdown, cannot_connect_now (the server is starting up or shutting down). */
    private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03");

    private final String dependency;

    public Unavailable(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }

    /**
     * The dependency whose outage caused this failure, if it is one: {@link #DATABASE} or {@link #BROKER}. Looks
     * through the causes and the suppressed exceptions (a transaction manager reports a connection cut during the
     * commit as a suppressed exception of its {@code RollbackException}).
     */
    public static Optional<String> dependencyOf(Throwable failure) {
        return dependencyOf(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), 0);
    }

    private static Optional<String> dependencyOf(Throwable t, Set<Throwable> seen, int depth) {
        if (t == null || depth > 32 || !seen.add(t)) {
            return Optional.empty();
        }
        if (t instanceof Unavailable u) {
            return Optional.of(u.dependency());
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return Optional.of(DATABASE);
        }
        if (t instanceof SQLException sql && outage(sql)) {
            return Optional.of(DATABASE);
        }
        if (t instanceof org.apache.kafka.common.errors.RetriableException) {
            // a timeout, a broker that is not available, a leader that is not (yet) elected
            return Optional.of(BROKER);
        }
        Optional<String> found = dependencyOf(t.getCause(), seen, depth + 1);
        for (Throwable suppressed : t.getSuppressed()) {
            if (found.isPresent()) {
                break;
            }
            found = dependencyOf(suppressed, seen, depth + 1);
        }
        return found;
    }

    private static boolean outage(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the connection pool's own timeout carries no SQLSTATE
            return String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return SQL_STATES.contains(state) || state.length() >= 2 && SQL_CLASSES.contains(state.substring(0, 2));
    }
}
