package no.mrs.result.recording;

import no.mrs.platform.problem.FieldError;

import java.util.List;

/**
 * An item of a batch at position {@code index}, who submitted it, and what was already wrong with it while reading
 * (unknown properties, a text where a number belongs, a malformed CSV row).
 */
public record Submission(int index, ResultItem item, List<FieldError> readErrors, Submitter submitter) {

    public Submission {
        readErrors = List.copyOf(readErrors);
    }
}
