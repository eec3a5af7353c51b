package no.mrs.result.recording.rest;

import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;

/** The 413 answer to a batch with more items than allowed. */
final class TooManyItems {

    private TooManyItems() {
    }

    static ProblemException problem(int maxItems) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "A submission may hold at most " + maxItems + " results; split it into several")
                .with("maxItems", maxItems));
    }
}
