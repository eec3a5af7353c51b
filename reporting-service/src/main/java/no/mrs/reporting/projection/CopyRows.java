package no.mrs.reporting.projection;

import no.mrs.platform.time.Months;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;

/**
 * Reads the rows of a query through {@code COPY (query) TO STDOUT} in PostgreSQL's text format, in the caller's
 * transaction (so in its snapshot): the server streams the rows while they are read, where a cursor's fetches
 * alternate with reading them (the load of a slot's 458,000 current figures, on the path to ready at a start).
 * One row at a time: {@link #next()}, then the columns by index from 1, as {@link java.sql.ResultSet} does.
 *
 * <p>The text format: columns separated by a tab, NULL written {@code \N}, and in text a backslash, tab, newline,
 * carriage return, backspace, form feed and vertical tab written as backslash sequences (octal and hex ones are
 * read too); the connection's client encoding is UTF-8 (the driver's).
 */
final class CopyRows implements AutoCloseable {

    private final CopyOut copy;
    private final int[] starts;
    private final int[] ends;
    private byte[] row;
    private int columns;
    private char[] digits = new char[32];

    CopyRows(Connection c, String query, int columns) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT");
        this.starts = new int[columns + 1];
        this.ends = new int[columns + 1];
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException {
        row = copy.readFromCopy();
        if (row == null) {
            return false;
        }
        // a row ends in a newline; a newline inside a value is written \n, so the only raw one is the last byte
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        columns = 0;
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || row[i] == '\t') {
                if (columns + 1 >= starts.length) {
                    throw new SQLException("A COPY row has more columns than the " + (starts.length - 1) + " asked for");
                }
                columns++;
                starts[columns] = start;
                ends[columns] = i;
                start = i + 1;
            }
        }
        if (columns != starts.length - 1) {
            throw new SQLException("A COPY row has " + columns + " columns, not " + (starts.length - 1));
        }
        return true;
    }

    private boolean isNull(int column) {
        int s = starts[column];
        return ends[column] - s == 2 && row[s] == '\\' && row[s + 1] == 'N';
    }

    String getString(int column) {
        if (isNull(column)) {
            return null;
        }
        int s = starts[column];
        int e = ends[column];
        for (int i = s; i < e; i++) {
            if (row[i] == '\\') {
                return unescape(s, e);
            }
        }
        return new String(row, s, e - s, StandardCharsets.UTF_8);
    }

    private String unescape(int s, int e) {
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == e) {
                out[n++] = b;
                continue;
            }
            byte c = row[++i];
            switch (c) {
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'v' -> out[n++] = 0x0b;
                case 'x' -> {
                    int value = 0;
                    int j = i + 1;
                    for (; j < e && j <= i + 2 && Character.digit(row[j], 16) >= 0; j++) {
                        value = value * 16 + Character.digit(row[j], 16);
                    }
                    if (j == i + 1) {
                        out[n++] = c; // \x without a hex digit is an x
                    } else {
                        out[n++] = (byte) value;
                        i = j - 1;
                    }
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = 0;
                        int j = i;
                        for (; j < e && j < i + 3 && row[j] >= '0' && row[j] <= '7'; j++) {
                            value = value * 8 + (row[j] - '0');
                        }
                        out[n++] = (byte) value;
                        i = j - 1;
                    } else {
                        out[n++] = c; // any other character after a backslash is itself (\\ among them)
                    }
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    BigDecimal getBigDecimal(int column) {
        if (isNull(column)) {
            return null;
        }
        int s = starts[column];
        int length = ends[column] - s;
        if (digits.length < length) {
            digits = new char[length];
        }
        for (int i = 0; i < length; i++) {
            digits[i] = (char) row[s + i];
        }
        return new BigDecimal(digits, 0, length); // NaN and Infinity are refused here, as by the driver
    }

    /** A whole number; {@code absent} where it is NULL. */
    long getLong(int column, long absent) {
        if (isNull(column)) {
            return absent;
        }
        int s = starts[column];
        int e = ends[column];
        boolean negative = row[s] == '-';
        long value = 0;
        for (int i = negative ? s + 1 : s; i < e; i++) {
            int d = row[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("Not a whole number: " + getString(column));
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /** A month written {@code yyyy-MM}; NULL is null. */
    YearMonth getMonth(int column) {
        String text = getString(column);
        return text == null ? null : Months.parse(text);
    }

    /**
     * Reads what is left of a COPY given up half-way, so that the connection is in step with the server again (the
     * driver's cancelCopy left the next statement on the connection without its results).
     */
    @Override
    public void close() throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // drained
        }
    }
}
