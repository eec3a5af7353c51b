package no.mrs.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Which replica saves the read models: the one that holds a PostgreSQL session-level advisory lock. The lock is
 * taken on a connection of its own (not from the pool, so that closing it ends the session and frees the lock), and
 * every save of the leader runs in a transaction on that same connection: a replica whose session is gone (killed,
 * cut off, the database restarted) has lost the lock and cannot save anything either, so two replicas can never
 * both save, whatever each believes. A replica that is not the leader tries again every poll.
 */
@ApplicationScoped
public class Leadership {

    /** The advisory lock's key: "mrs-slot" in ASCII. Locks are per database, so only this service's replicas meet. */
    static final long LOCK_KEY = 0x6d72732d736c6f74L;
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** The lock's session; null while this replica does not lead. Guarded by this. */
    private Connection session;
    /** Counts up with every leadership this replica gains, so that a lost and regained one is told apart. */
    private volatile long term;
    private volatile boolean leader;
    private volatile boolean closed;

    /** Work done in the leader's session, in a transaction. */
    public interface Work<T> {
        T run(Connection transaction) throws SQLException;
    }

    public boolean isLeader() {
        return leader;
    }

    /** The current leadership's number (0 before the first); valid while {@link #isLeader()}. */
    public long term() {
        return term;
    }

    /**
     * Takes the lock if it is free, or checks that the session holding it is still there; returns whether this
     * replica leads now.
     */
    public synchronized boolean contend() {
        if (closed) {
            return false;
        }
        if (session != null) {
            try (PreparedStatement ps = session.prepareStatement("select 1")) {
                ps.setQueryTimeout(5);
                ps.execute();
                return true;
            } catch (SQLException e) {
                stepDown("its database session failed: " + e.getMessage());
                return false;
            }
        }
        Connection c = null;
        try {
            c = connect();
            if (!tryLock(c, LOCK_KEY)) {
                c.close();
                return false;
            }
            session = c;
            term++;
            leader = true;
            LOG.infof("This replica now saves the read models (leadership %d)", term);
            return true;
        } catch (SQLException e) {
            closeQuietly(c);
            LOG.debugf("Contending for leadership failed: %s", e.getMessage());
            return false;
        }
    }

    /**
     * Runs {@code work} in a transaction of the leader's session, and commits it; throws {@link NotLeader} when this
     * replica does not lead (then nothing was written). A failure of the session itself ends the leadership.
     */
    public synchronized <T> T inTransaction(Work<T> work) throws SQLException {
        if (session == null) {
            throw new NotLeader();
        }
        Connection c = session;
        try {
            c.setAutoCommit(false);
            T outcome = work.run(c);
            c.commit();
            c.setAutoCommit(true);
            return outcome;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException rollback) {
                stepDown("its database session failed: " + rollback.getMessage());
                throw e;
            }
            if (e instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("57"))) {
                stepDown("its database session failed: " + e.getMessage());
            } else if (!isValid(c)) {
                stepDown("its database session failed: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Lets another replica lead: ends the session (which frees the lock). */
    public synchronized void stepDown(String why) {
        if (session != null) {
            LOG.warnf("This replica no longer saves the read models: %s", why);
            closeQuietly(session);
            session = null;
        }
        leader = false;
    }

    /** At shutdown: hands leadership over at once rather than when the session times out. */
    public synchronized void close() {
        closed = true;
        stepDown("the replica is stopping");
    }

    /**
     * A database session of its own, outside the pool: for a lock that must end with the session (this lead, a
     * rebuild's).
     */
    public Connection newSession(String purpose) throws SQLException {
        Connection c = connect();
        try (PreparedStatement ps = c.prepareStatement("set application_name = 'reporting-service " + purpose
                .replace("'", "") + "'")) {
            ps.execute();
        }
        return c;
    }

    /** Takes an advisory lock in the session if it is free; whether it did. */
    public static boolean tryLock(Connection session, long key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "reporting-service leader");
        props.setProperty("reWriteBatchedInserts", "true");
        // a cut-off session is noticed: the keepalives end it on the server side, a socket timeout on ours
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "120");
        Connection c = DriverManager.getConnection(url, props);
        try (Statement s = c.createStatement()) {
            // the server notices a vanished replica (a lost node) within about 25 s, not the system's 2 hours, and
            // frees its lock
            s.execute("set tcp_keepalives_idle = 10");
            s.execute("set tcp_keepalives_interval = 5");
            s.execute("set tcp_keepalives_count = 3");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the session is gone either way
            }
        }
    }

    /** This replica does not lead (any more): it did not save. */
    public static final class NotLeader extends RuntimeException {
        public NotLeader() {
            super("This replica does not save the read models", null, false, false);
        }
    }
}
