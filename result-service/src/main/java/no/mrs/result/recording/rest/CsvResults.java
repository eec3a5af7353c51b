package no.mrs.result.recording.rest;

import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;
import no.mrs.result.recording.ItemParser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV submission (RFC 4180): a header naming the columns, then one result per row. Quoted cells may hold
 * commas, quotes ({@code ""}) and line breaks; an empty cell is an absent value; a UTF-8 byte order mark and
 * Windows line ends are accepted. A row with the wrong number of cells is that row's error, not the batch's.
 */
final class CsvResults {

    private static final Set<String> REQUIRED = Set.of("measurementId", "unitId", "indicatorId", "period");

    /** One data row: its cells by column name, or the error that made it unreadable. */
    record Row(Map<String, String> cells, FieldError error) {
    }

    private CsvResults() {
    }

    static List<Row> read(byte[] body, int maxItems) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = records(text, maxItems + 1);
        if (records.isEmpty()) {
            throw malformed("The CSV body is empty; it needs a header line: " + String.join(",", ItemParser.FIELDS));
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        checkHeader(header);
        if (records.size() == 1) {
            throw EmptyBatch.problem();
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                rows.add(new Row(Map.of(), new FieldError("", "malformed-row",
                        "has " + record.size() + " cells where the header has " + header.size())));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), record.get(i));
            }
            rows.add(new Row(cells, null));
        }
        return rows;
    }

    /** The text of the body; bytes that are not UTF-8 refuse the whole body rather than becoming U+FFFD. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The CSV body is not valid UTF-8");
        }
    }

    private static void checkHeader(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!ItemParser.FIELDS.contains(column)) {
                errors.add(new FieldError(column, "unknown-property", "is not a column of a result"));
            } else if (!seen.add(column)) {
                errors.add(new FieldError(column, "duplicate-column", "appears twice in the header"));
            }
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                errors.add(new FieldError(required, "required", "the header must have this column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "The CSV header must name the columns " + String.join(",", ItemParser.FIELDS)).withErrors(errors));
        }
    }

    /** The records of the text, blank lines skipped; stops counting at {@code limit} records + the header. */
    private static List<List<String>> records(String text, int limit) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"') {
                if (cell.length() > 0 || wasQuoted) {
                    throw malformed("A quote in the middle of an unquoted cell on line " + line);
                }
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                    if (records.size() > limit) {
                        throw TooManyItems.problem(limit - 1);
                    }
                }
                record = new ArrayList<>();
            } else if (wasQuoted) {
                throw malformed("Text after a closing quote on line " + line);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw malformed("A quoted cell is not closed (from line " + line + ")");
        }
        record.add(cell.toString());
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
            records.add(record);
            if (records.size() > limit) {
                throw TooManyItems.problem(limit - 1);
            }
        }
        return records;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "Malformed request body", detail));
    }
}
