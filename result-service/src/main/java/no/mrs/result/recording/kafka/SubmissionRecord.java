package no.mrs.result.recording.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import no.mrs.platform.problem.FieldError;
import no.mrs.result.recording.ItemParser;
import no.mrs.result.recording.Submission;
import no.mrs.result.recording.Submitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The value of a record on {@code mrs.result-submissions} read as a submission — one result item plus
 * {@code systemId} — or why it cannot be one. Shared by the consumer and by the re-submission of dead letters, so
 * that a re-submitted record is read exactly as it was the first time.
 */
public final class SubmissionRecord {

    public static final String SYSTEM_ID = "systemId";
    private static final int MAX_SYSTEM_ID = 100;

    private SubmissionRecord() {
    }

    /** Either a submission to judge, or the dead-letter reason and errors. */
    public sealed interface Read permits Readable, Unreadable {
    }

    public record Readable(Submission submission, String systemId) implements Read {
    }

    public record Unreadable(String reason, List<FieldError> errors) implements Read {
    }

    /**
     * Reads {@code value}; {@code submitterOf} gives the system's submitter with its unit scope, or null when the
     * system has none.
     */
    public static Read read(ObjectReader reader, String value, int index, Function<String, Submitter> submitterOf) {
        JsonNode node;
        try {
            node = value == null ? null : reader.readTree(value);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new Unreadable(DeadLetterMetrics.UNPARSEABLE, List.of(new FieldError("", "malformed-body",
                    "the record value must be a JSON object: a result plus systemId")));
        }
        List<FieldError> errors = new ArrayList<>();
        String systemId = ItemParser.text(node, SYSTEM_ID, errors);
        if (errors.isEmpty() && (systemId == null || systemId.isBlank() || systemId.length() > MAX_SYSTEM_ID)) {
            errors.add(new FieldError(SYSTEM_ID, "required",
                    "the submitting system's id is required (at most " + MAX_SYSTEM_ID + " characters)"));
        }
        if (!errors.isEmpty()) {
            return new Unreadable(DeadLetterMetrics.REJECTED, errors);
        }
        Submitter submitter = submitterOf.apply(systemId);
        if (submitter == null) {
            return new Unreadable(DeadLetterMetrics.OUT_OF_SCOPE, List.of(new FieldError(SYSTEM_ID, "unknown-system",
                    "system " + systemId + " has no unit scope (mrs.submissions.systems)")));
        }
        ItemParser.Parsed parsed = ItemParser.fromJson(node, Set.of(SYSTEM_ID));
        return new Readable(new Submission(index, parsed.item(), parsed.errors(), submitter), systemId);
    }
}
