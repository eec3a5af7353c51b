package no.mrs.result.recording;

import no.mrs.contracts.result.ResultEvent;
import no.mrs.platform.problem.FieldError;

import java.util.List;

/** What became of one submitted item. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Duplicate, Verdict.Rejected {

    /** New: {@code event} is the stream's {@code version}-th event. */
    record Accepted(Submission submission, ResultKey key, ResultEvent event, long version) implements Verdict {
    }

    /** Seen before with the same content: nothing new is stored or published. */
    record Duplicate(Submission submission) implements Verdict {
    }

    record Rejected(Submission submission, List<FieldError> errors) implements Verdict {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
