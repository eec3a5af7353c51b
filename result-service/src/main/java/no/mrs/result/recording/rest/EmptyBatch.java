package no.mrs.result.recording.rest;

import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;

/** The 400 answer to a submission without a single result (JSON {@code "results":[]}, or a CSV of a header only). */
final class EmptyBatch {

    private EmptyBatch() {
    }

    static ProblemException problem() {
        return new ProblemException(Problem.of(400, "empty-batch", "Empty submission",
                "The submission holds no results; send at least one"));
    }
}
