package no.mrs.devstack.bench;

import no.mrs.devstack.Postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where PostgreSQL's time went during a scenario, statement by statement, when the server has the statement statistics
 * loaded ({@code MRS_POSTGRES_OPTIONS="shared_preload_libraries=pg_stat_statements"}; off by default, since they cost
 * a little of every statement): {@link #start} empties {@code pg_stat_statements}, {@link #stop} reads the statements
 * that took the most execution time since, over every database of the server. Without the statistics both do nothing.
 */
final class PgStatements {

    /** One statement's share: its database, calls, rows and total execution time, and its text (shortened). */
    record Top(String database, long calls, long rows, double totalMillis, String text) {

        String line() {
            return String.format(Locale.ROOT, "%9.0f ms %8d calls %10d rows %6.1f µs/row  %-9s %s", totalMillis,
                    calls, rows, rows == 0 ? 0 : totalMillis * 1000 / rows, database, text);
        }
    }

    private final Postgres postgres;
    private boolean loaded;

    PgStatements(Postgres postgres) {
        this.postgres = postgres;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
    }

    /** Empties the statistics; false (and nothing done) when the server does not collect them. */
    boolean start() {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('shared_preload_libraries')")) {
                rs.next();
                if (!rs.getString(1).contains("pg_stat_statements")) {
                    return false;
                }
            }
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            loaded = true;
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Resetting pg_stat_statements failed", e);
        }
    }

    /** The {@code limit} statements with the most execution time since {@link #start} (empty without statistics). */
    List<Top> stop(int limit) {
        List<Top> top = new ArrayList<>();
        if (!loaded) {
            return top;
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select d.datname, s.calls, s.rows, s.total_exec_time,
                       regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                order by s.total_exec_time desc limit ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(5);
                    top.add(new Top(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                            text.length() > 160 ? text.substring(0, 160) + "…" : text));
                }
            }
            return top;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading pg_stat_statements failed", e);
        }
    }

    /** Total execution time per database since {@link #start}, in milliseconds (empty without statistics). */
    Map<String, Double> millisPerDatabase() {
        Map<String, Double> millis = new LinkedHashMap<>();
        if (!loaded) {
            return millis;
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                select d.datname, sum(s.total_exec_time) from pg_stat_statements s
                join pg_database d on d.oid = s.dbid group by d.datname order by 2 desc""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                millis.put(rs.getString(1), rs.getDouble(2));
            }
            return millis;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading pg_stat_statements failed", e);
        }
    }
}
