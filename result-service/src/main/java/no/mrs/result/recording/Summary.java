package no.mrs.result.recording;

import no.mrs.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The answer to a submission: how many were stored, how many were already there, and what was rejected why. */
public record Summary(int accepted, int duplicates, List<RejectedItem> rejected) {

    public record RejectedItem(int index, String measurementId, List<FieldError> errors) {
    }

    public static Summary of(List<Verdict> verdicts) {
        int accepted = 0;
        int duplicates = 0;
        List<RejectedItem> rejected = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict instanceof Verdict.Accepted) {
                accepted++;
            } else if (verdict instanceof Verdict.Duplicate) {
                duplicates++;
            } else if (verdict instanceof Verdict.Rejected r) {
                rejected.add(new RejectedItem(r.submission().index(), r.submission().item().measurementId(),
                        r.errors()));
            } else {
                throw new IllegalArgumentException("Unhandled verdict " + verdict.getClass().getName());
            }
        }
        return new Summary(accepted, duplicates, List.copyOf(rejected));
    }
}
