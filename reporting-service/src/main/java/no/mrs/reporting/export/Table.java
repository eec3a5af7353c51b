package no.mrs.reporting.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What an export holds, whatever its format: a sheet name, the headings and the rows. A cell is a {@link String}, a
 * {@link Double} (written as a number, full precision) or {@code null} (an empty cell: no data).
 */
public final class Table {

    private final String sheetName;
    private final List<String> headings;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String sheetName, List<String> headings) {
        this.sheetName = sheetName;
        this.headings = List.copyOf(headings);
    }

    /** Adds a row; it must have one cell per heading. */
    public Table row(Object... cells) {
        if (cells.length != headings.size()) {
            throw new IllegalArgumentException("A row of " + cells.length + " cells for " + headings.size() + " headings");
        }
        for (Object cell : cells) {
            if (cell != null && !(cell instanceof String) && !(cell instanceof Double)) {
                throw new IllegalArgumentException("A cell is text, a Double or null, not " + cell.getClass());
            }
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(cells)));
        return this;
    }

    public String sheetName() {
        return sheetName;
    }

    public List<String> headings() {
        return headings;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }
}
