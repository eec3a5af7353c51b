package no.mrs.reporting.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV that Excel with Norwegian settings opens directly: a UTF-8 byte order mark (so æ, ø, å and the arrows show),
 * semicolons between cells, a decimal comma, full precision without exponents, Windows line ends; a cell is quoted
 * (RFC 4180 style, {@code "} doubled) when it holds a semicolon, a quote or a line break. Empty = no data. Text that
 * a spreadsheet would take for a formula (a leading =, +, - or @) is prefixed with {@code '}.
 */
public final class ExcelCsv {

    public static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ExcelCsv() {
    }

    public static byte[] write(Table table) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, table.headings().stream().map(h -> (Object) h).toList());
        for (List<Object> row : table.rows()) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A number as Norwegian Excel reads it: 82.13 → {@code 82,13}, 2000.0 → {@code 2000}, never 1.0E-5. */
    public static String number(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        return decimal.toPlainString().replace('.', ',');
    }

    /** Text as a spreadsheet shows it, never as a formula. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            Object cell = cells.get(i);
            String value = cell instanceof Double d ? number(d) : text((String) cell);
            if (value.indexOf(';') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(value);
            }
        }
        csv.append("\r\n");
    }
}
