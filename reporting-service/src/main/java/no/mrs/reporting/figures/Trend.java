package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Measure;

import java.math.BigDecimal;

/**
 * Where the figure is heading: the last three months (M-2..M) against the three before (M-5..M-3), each window
 * aggregated like any figure (ratio of sums; COUNT as the average month). UP or DOWN when the change exceeds 1 %
 * of the earlier window's level, FLAT otherwise; null when either window has no data. The direction of the
 * indicator decides whether UP is good; the trend itself only says up or down.
 */
public enum Trend {
    UP, DOWN, FLAT;

    /** The relative change below which a trend is FLAT. */
    static final BigDecimal THRESHOLD = new BigDecimal("0.01");

    public static Trend of(Sums recent, Sums earlier, Measure measure) {
        BigDecimal now = recent.monthlyLevel(measure);
        BigDecimal before = earlier.monthlyLevel(measure);
        if (now == null || before == null) {
            return null;
        }
        BigDecimal change = now.subtract(before);
        if (change.abs().compareTo(before.abs().multiply(THRESHOLD)) <= 0) {
            return FLAT;
        }
        return change.signum() > 0 ? UP : DOWN;
    }
}
