package no.mrs.result.recording;

import no.mrs.contracts.result.Outlier;
import no.mrs.platform.problem.FieldError;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a submission: how many were stored, how many were already there, what was rejected why, and the
 * warnings on accepted items (an {@code outlier}: accepted, but far from the office's own history).
 */
public record Summary(int accepted, int duplicates, List<RejectedItem> rejected, List<Warning> warnings) {

    public record RejectedItem(int index, String measurementId, List<FieldError> errors) {
    }

    /**
     * A warning on an accepted item: {@code code} {@code outlier}, the figure and the range the office's history made
     * expected (a RATIO as a percentage, a COUNT as the count, a SCORE as the mean).
     */
    public record Warning(int index, String measurementId, String unitId, String indicatorId, String period,
            String code, String message, BigDecimal figure, BigDecimal expectedLow, BigDecimal expectedHigh) {
    }

    public static Summary of(List<Verdict> verdicts) {
        int accepted = 0;
        int duplicates = 0;
        List<RejectedItem> rejected = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict instanceof Verdict.Accepted a) {
                accepted++;
                Outlier outlier = a.outlier();
                if (outlier != null) {
                    warnings.add(new Warning(a.submission().index(), a.submission().item().measurementId(),
                            a.key().unitId(), a.key().indicatorId(), a.key().period().toString(), "outlier",
                            "accepted, but far from the office's own history: expected " + outlier.expectedLow()
                                    + "–" + outlier.expectedHigh() + ", got " + outlier.figure()
                                    + "; a leader confirms it with a reason, or it is corrected",
                            outlier.figure(), outlier.expectedLow(), outlier.expectedHigh()));
                }
            } else if (verdict instanceof Verdict.Duplicate) {
                duplicates++;
            } else if (verdict instanceof Verdict.Rejected r) {
                rejected.add(new RejectedItem(r.submission().index(), r.submission().item().measurementId(),
                        r.errors()));
            } else {
                throw new IllegalArgumentException("Unhandled verdict " + verdict.getClass().getName());
            }
        }
        return new Summary(accepted, duplicates, List.copyOf(rejected), List.copyOf(warnings));
    }
}
