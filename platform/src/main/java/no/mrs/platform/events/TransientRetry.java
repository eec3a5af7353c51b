package no.mrs.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs a consumer's handling of a record (or a poll's batch) until it succeeds, waiting with backoff while it fails
 * for a transient reason: the database restarting or unreachable, a connection pool timeout, a serialization
 * failure or deadlock, a concurrent writer, a broker that is away. The record is not acknowledged meanwhile, so its
 * offset is not committed and nothing is lost; the consumers are idempotent (inbox, stream versions, positions), so
 * a handling whose commit outcome was unknown may run again safely. It is never a reason for the dead-letter queue.
 *
 * <p>Any other failure is most likely a bug or a broken schema, not a property of the record: it is retried the same
 * way for a while (3 minutes; an operator may be repairing the database) and then thrown, which fails the channel
 * (health says so) rather than skipping or dead-lettering a valid record.
 * While a handling waits, {@link #stalled()} names it (the readiness check reports it).
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    /** PostgreSQL SQLSTATE classes that pass: connection exception, insufficient resources, operator intervention
     * (shutdown, restart, cancelled statement), transaction rollback (serialization failure, deadlock), system error. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "40", "58");
    /** lock_not_available (a lock timeout). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03");

    /** What is waiting, since when, and why. */
    public record Stall(String what, Instant since, int attempts, String lastFailure) {
    }

    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration giveUpOtherAfter;
    private final Map<String, Stall> stalled = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public TransientRetry() {
        this(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(3));
    }

    public TransientRetry(Duration firstBackoff, Duration maxBackoff, Duration giveUpOtherAfter) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.giveUpOtherAfter = giveUpOtherAfter;
    }

    void stop(@Observes ShutdownEvent event) {
        // a handling that still waits gives up: its record was not acknowledged and is delivered again after start
        stopping = true;
    }

    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** The outcome of {@code work}, tried until it succeeds; see the class comment for which failures wait. */
    public <T> T call(String what, Supplier<T> work) {
        long backoff = firstBackoff.toMillis();
        int attempts = 0;
        long firstOther = 0;
        Instant since = null;
        String key = what + "#" + Thread.currentThread().getId();
        try {
            while (true) {
                attempts++;
                try {
                    T result = work.get();
                    if (since != null) {
                        LOG.infof("%s succeeded after %d attempts (%s ms)", what, attempts,
                                Duration.between(since, Instant.now()).toMillis());
                    }
                    return result;
                } catch (RuntimeException e) {
                    boolean passes = isTransient(e);
                    if (!passes) {
                        firstOther = firstOther == 0 ? System.nanoTime() : firstOther;
                        if (System.nanoTime() - firstOther >= giveUpOtherAfter.toNanos()) {
                            LOG.errorf(e, "%s kept failing for a reason that is not transient (%d attempts); giving up",
                                    what, attempts);
                            throw e;
                        }
                    }
                    if (stopping) {
                        throw e;
                    }
                    since = since == null ? Instant.now() : since;
                    stalled.put(key, new Stall(what, since, attempts, describe(e)));
                    if (attempts == 1 || attempts % 10 == 0) {
                        LOG.warnf("%s failed (attempt %d, %s), retrying in %d ms: %s", what, attempts,
                                passes ? "transient" : "unexpected", backoff, describe(e));
                    }
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
            }
        } finally {
            stalled.remove(key);
        }
    }

    /** The handlings waiting now for a transient failure to pass. */
    public Map<String, Stall> stalled() {
        return Map.copyOf(stalled);
    }

    /** Whether the failure (or one of its causes) is one that passes by itself. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            if (t instanceof ConcurrencyConflictException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the connection pool's own timeouts carry no SQLSTATE
            String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout");
        }
        return TRANSIENT_SQL_STATES.contains(state) || state.length() >= 2
                && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
