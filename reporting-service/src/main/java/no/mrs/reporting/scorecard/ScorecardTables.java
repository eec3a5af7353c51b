package no.mrs.reporting.scorecard;

import no.mrs.reporting.export.Table;
import no.mrs.reporting.figures.Trend;

import java.util.ArrayList;
import java.util.List;

/** Scorecards as tables for the CSV and .xlsx exports, with the målekort's Norwegian headings. */
public final class ScorecardTables {

    /**
     * A figure marked by the outlier check (until a leader confirms it or it is corrected): the range the office's
     * history made expected, in the row's terms; empty when the figure is not marked.
     */
    public static final String OUTLIER_LOW = "Uvanlig tall: forventet fra";
    public static final String OUTLIER_HIGH = "Uvanlig tall: forventet til";

    static final List<String> HEADINGS = List.of("Perspektiv", "MK ID", "Navn", "Mål", "Trend",
            "Hittil i året I år", "Hittil i året I fjor", "Denne perioden I år", "Denne perioden I fjor", "Status",
            "Målets opphav", OUTLIER_LOW, OUTLIER_HIGH);

    private ScorecardTables() {
    }

    /** One row per indicator, as on the målekort. */
    public static Table scorecard(Scorecard scorecard) {
        Table table = new Table("Målekort " + scorecard.unitId() + " " + scorecard.period(), HEADINGS);
        for (Scorecard.PerspectiveRows perspective : scorecard.perspectives()) {
            for (Scorecard.Row row : perspective.rows()) {
                table.row(cells(perspective, row).toArray());
            }
        }
        return table;
    }

    /** Every office's rows in one sheet, the office first on each row. */
    public static Table offices(OfficeScorecards offices) {
        List<String> headings = new ArrayList<>(List.of("Enhet ID", "Enhet"));
        headings.addAll(HEADINGS);
        Table table = new Table("Kontorer " + offices.unitId() + " " + offices.period(), headings);
        for (Scorecard office : offices.offices()) {
            for (Scorecard.PerspectiveRows perspective : office.perspectives()) {
                for (Scorecard.Row row : perspective.rows()) {
                    List<Object> cells = new ArrayList<>(List.of(office.unitId(), office.unitName()));
                    cells.addAll(cells(perspective, row));
                    table.row(cells.toArray());
                }
            }
        }
        return table;
    }

    private static List<Object> cells(Scorecard.PerspectiveRows perspective, Scorecard.Row row) {
        List<Object> cells = new ArrayList<>();
        cells.add(perspective.perspective().name());
        cells.add(row.indicatorId());
        cells.add(row.name());
        cells.add(row.goal() == null ? null : row.goal().target());
        cells.add(row.trend() == null ? null : arrow(row.trend()));
        cells.add(row.yearToDate().thisYear());
        cells.add(row.yearToDate().lastYear());
        cells.add(row.period().thisYear());
        cells.add(row.period().lastYear());
        cells.add(row.status().name());
        cells.add(row.goal() == null ? null : row.goal().origin().name());
        cells.add(row.outlier() == null ? null : row.outlier().expectedLow());
        cells.add(row.outlier() == null ? null : row.outlier().expectedHigh());
        return cells;
    }

    private static String arrow(Trend trend) {
        return switch (trend) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
        };
    }
}
