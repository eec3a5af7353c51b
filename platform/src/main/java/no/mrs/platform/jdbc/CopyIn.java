package no.mrs.platform.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends rows to a table through {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, in the
 * caller's transaction: the server inserts them without planning a statement or reading arrays, and columns not
 * named take their defaults as with an insert (the event log's appends, reporting-service's rebuild into the slot it
 * emptied). One row at a time ({@link #row}); {@link #close()} ends the copy and throws what the server refused.
 *
 * <p>PostgreSQL's text format: columns separated by a tab, NULL written {@code \N}, and in text
 * a backslash, tab, newline and carriage return written as backslash sequences; the connection's client encoding is
 * UTF-8 (the driver's).
 */
public final class CopyIn implements AutoCloseable {

    /** Rows are gathered up to about this many characters before they go to the server. */
    private static final int CHUNK = 64 * 1024;

    private final PGCopyOutputStream out;
    private final StringBuilder rows = new StringBuilder(CHUNK + 1024);
    private boolean rowStarted;
    private long count;

    public CopyIn(Connection c, String table, String columns) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.out = new PGCopyOutputStream(copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN"));
    }

    /**
     * Appends a row: its values in the columns' order, each null (NULL), a {@link String} (written escaped) or a
     * {@link Number} (written as its {@code toString()}, as the driver sends one).
     */
    public void row(Object... values) throws SQLException {
        for (Object value : values) {
            separate();
            if (value == null) {
                rows.append("\\N");
            } else if (value instanceof String text) {
                escape(text);
            } else if (value instanceof Number number) {
                rows.append(number);
            } else {
                throw new IllegalArgumentException("COPY takes text and numbers, not " + value.getClass().getName());
            }
        }
        endRow();
    }

    /** Appends text as COPY reads it: the runs between characters to escape in one piece each (most text has none). */
    private void escape(String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                rows.append(value, run, i).append('\\').append(switch (ch) {
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> '\\';
                });
                run = i + 1;
            }
        }
        rows.append(value, run, value.length());
    }

    /** Ends the row; sends the rows gathered so far once they fill a chunk. */
    private void endRow() throws SQLException {
        rows.append('\n');
        rowStarted = false;
        count++;
        if (rows.length() >= CHUNK) {
            send();
        }
    }

    /** The rows appended so far. */
    public long count() {
        return count;
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }

    private void send() throws SQLException {
        try {
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("Sending rows to COPY failed: " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    /**
     * Sends what is left and ends the copy; the server's refusal (a conflict, a bad value) is thrown here. A row
     * begun and not ended cancels the copy instead.
     */
    @Override
    public void close() throws SQLException {
        boolean whole = !rowStarted;
        try {
            if (whole) {
                if (!rows.isEmpty()) {
                    send();
                }
                out.endCopy();
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        if (!whole) {
            throw new IllegalStateException("A COPY row was begun and not ended");
        }
    }
}
