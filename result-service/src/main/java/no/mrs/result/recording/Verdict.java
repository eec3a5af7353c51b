package no.mrs.result.recording;

import no.mrs.contracts.result.Outlier;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.platform.problem.FieldError;

import java.util.List;

/** What became of one submitted item. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Duplicate, Verdict.Rejected {

    /** New: {@code event} is the stream's {@code version}-th event. */
    record Accepted(Submission submission, ResultKey key, ResultEvent event, long version) implements Verdict {

        /** The outlier check's warning carried by the event, null when there is none. */
        public Outlier outlier() {
            return event instanceof ResultRecorded r ? r.outlier()
                    : event instanceof ResultCorrected c ? c.outlier() : null;
        }

        Accepted withOutlier(Outlier warning) {
            ResultEvent flagged = event instanceof ResultRecorded r ? r.withOutlier(warning)
                    : event instanceof ResultCorrected c ? c.withOutlier(warning) : event;
            return new Accepted(submission, key, flagged, version);
        }
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
