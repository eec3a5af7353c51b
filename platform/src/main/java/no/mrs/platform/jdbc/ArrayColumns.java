package no.mrs.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rows as one array a column, for a statement that reads them back with {@code unnest(?::type[], …)}: many rows in
 * one statement, whose plan does not depend on how many there are.
 */
public final class ArrayColumns {

    private ArrayColumns() {
    }

    /**
     * Sets the statement's parameters 1, 2, … to the rows' columns in order, each an array of the SQL type
     * {@code typeOf} names for that column. The rows are not empty and all of one width.
     */
    public static void set(Connection c, PreparedStatement ps, List<Object[]> rows, IntFunction<String> typeOf)
            throws SQLException {
        int width = rows.get(0).length;
        for (int i = 0; i < width; i++) {
            Object[] column = new Object[rows.size()];
            for (int row = 0; row < column.length; row++) {
                column[row] = rows.get(row)[i];
            }
            ps.setArray(i + 1, c.createArrayOf(typeOf.apply(i), column));
        }
    }
}
