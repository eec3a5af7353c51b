package no.mrs.reporting.scorecard;

import java.util.List;

/**
 * The scorecard as CSV with the målekort's Norwegian headings (RFC 4180: comma-separated, quoted where needed,
 * decimal point, full precision; empty for no data).
 */
public final class ScorecardCsv {

    static final List<String> HEADINGS = List.of("Perspektiv", "MK ID", "Navn", "Mål", "Trend",
            "Hittil i året I år", "Hittil i året I fjor", "Denne perioden I år", "Denne perioden I fjor", "Status",
            "Målets opphav");

    private ScorecardCsv() {
    }

    public static String write(Scorecard scorecard) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADINGS);
        for (Scorecard.PerspectiveRows perspective : scorecard.perspectives()) {
            for (Scorecard.Row row : perspective.rows()) {
                line(csv, List.of(perspective.perspective().name(), row.indicatorId(), text(row.name()),
                        row.goal() == null ? "" : number(row.goal().target()),
                        row.trend() == null ? "" : arrow(row.trend()),
                        number(row.yearToDate().thisYear()), number(row.yearToDate().lastYear()),
                        number(row.period().thisYear()), number(row.period().lastYear()),
                        row.status().name(), row.goal() == null ? "" : row.goal().origin().name()));
            }
        }
        return csv.toString();
    }

    private static String arrow(no.mrs.reporting.figures.Trend trend) {
        return switch (trend) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
        };
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue()) : value.toString();
    }

    /** Text as a spreadsheet shows it, never as a formula (a leading =, +, - or @ is escaped with '). */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
