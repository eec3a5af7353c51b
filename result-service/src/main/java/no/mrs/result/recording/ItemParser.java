package no.mrs.result.recording;

import com.fasterxml.jackson.databind.JsonNode;
import no.mrs.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one item from JSON or from CSV cells, leniently: what is wrong (an unknown property, text where a number
 * belongs) becomes a field error of that item alone, so the rest of the batch is still judged.
 */
public final class ItemParser {

    public static final List<String> FIELDS = List.of("measurementId", "unitId", "indicatorId", "period",
            "numerator", "denominator", "value", "comment", "correctionReason");

    /** The item and what was wrong while reading it. */
    public record Parsed(ResultItem item, List<FieldError> errors) {
    }

    private ItemParser() {
    }

    /** An item from a JSON object; {@code extra} names further allowed properties (read by the caller). */
    public static Parsed fromJson(JsonNode node, Set<String> extra) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("", "invalid-type", "each result must be a JSON object"));
            return new Parsed(new ResultItem(null, null, null, null, null, null, null, null, null), errors);
        }
        Iterator<Map.Entry<String, JsonNode>> properties = node.fields();
        while (properties.hasNext()) {
            String name = properties.next().getKey();
            if (!FIELDS.contains(name) && !extra.contains(name)) {
                errors.add(new FieldError(name, "unknown-property", "is not a property of a result"));
            }
        }
        ResultItem item = new ResultItem(text(node, "measurementId", errors), text(node, "unitId", errors),
                text(node, "indicatorId", errors), text(node, "period", errors), number(node, "numerator", errors),
                number(node, "denominator", errors), number(node, "value", errors), text(node, "comment", errors),
                text(node, "correctionReason", errors));
        return new Parsed(item, errors);
    }

    /** An item from CSV cells by column name; an empty cell is absent. */
    public static Parsed fromCells(Map<String, String> cells) {
        List<FieldError> errors = new ArrayList<>();
        ResultItem item = new ResultItem(cell(cells, "measurementId", errors), cell(cells, "unitId", errors),
                cell(cells, "indicatorId", errors), cell(cells, "period", errors), number(cells, "numerator", errors),
                number(cells, "denominator", errors), number(cells, "value", errors), cell(cells, "comment", errors),
                cell(cells, "correctionReason", errors));
        return new Parsed(item, errors);
    }

    public static String text(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "invalid-type", "must be a string"));
            return null;
        }
        return checkedText(field, value.textValue(), errors);
    }

    /**
     * Text as it may be stored: no NUL anywhere (PostgreSQL cannot store it), and no control character in an
     * identifier. A refused value reads as absent, so that it never reaches a query.
     */
    private static String checkedText(String field, String text, List<FieldError> errors) {
        boolean identifier = !field.equals("comment") && !field.equals("correctionReason");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || identifier && Character.isISOControl(c)) {
                errors.add(new FieldError(field, "invalid-character", "must not contain control characters"));
                return null;
            }
        }
        return text;
    }

    /** The largest magnitude a figure may have; beyond it a number is a mistake, not a result. */
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private static BigDecimal checkedNumber(String field, BigDecimal number, List<FieldError> errors) {
        if (number.abs().compareTo(LIMIT) >= 0 || number.scale() > 6) {
            errors.add(new FieldError(field, "out-of-range", "must be below 10^15 with at most 6 decimals"));
            return null;
        }
        return number;
    }

    private static BigDecimal number(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError(field, "invalid-type", "must be a number"));
            return null;
        }
        return checkedNumber(field, value.decimalValue(), errors);
    }

    private static String cell(Map<String, String> cells, String field, List<FieldError> errors) {
        String value = cells.get(field);
        return value == null || value.isEmpty() ? null : checkedText(field, value, errors);
    }

    private static BigDecimal number(Map<String, String> cells, String field, List<FieldError> errors) {
        String value = cells.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return checkedNumber(field, new BigDecimal(value.trim()), errors);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "invalid-type", "must be a number"));
            return null;
        }
    }
}
