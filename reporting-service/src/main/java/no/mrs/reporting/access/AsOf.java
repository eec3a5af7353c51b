package no.mrs.reporting.access;

import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter of the reads that can answer as they would have at an earlier instant. */
public final class AsOf {

    public static final String NAME = "asOf";
    public static final String DESCRIPTION = "Answer exactly as reporting-service would have answered at this instant"
            + " (ISO 8601 with an offset, e.g. 2026-03-01T12:00:00Z or 2026-03-01T13:00:00+01:00): office figures"
            + " before later corrections (and without those first reported later), goals, targets and the hierarchy"
            + " as they were then known. An instant before anything was known gives an empty answer; one in the"
            + " future is a 400. Without it (or empty): as it stands now.";

    private AsOf() {
    }

    /**
     * The instant asked for, null when the parameter is absent or empty (as the framework gives an empty query
     * value); a 400 when it is not an instant or in the future.
     */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf must be an instant with an offset, e.g. 2026-03-01T12:00:00Z",
                    new FieldError(NAME, "not-an-instant", "must be an instant with an offset, e.g."
                            + " 2026-03-01T12:00:00Z"));
        }
        if (at.isAfter(Instant.now())) {
            throw ProblemException.badRequest("asOf is in the future", new FieldError(NAME, "in-the-future",
                    "must not be in the future"));
        }
        return at;
    }
}
