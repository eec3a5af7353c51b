package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Direction;
import no.mrs.reporting.model.Indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;

/**
 * Goal displacement ("målforskyvning"): an activity indicator paired with the outcome it is meant to serve
 * (B.45 arbeidsrettet aktivitet → B.15 overgang til arbeid) rises while that outcome falls — the slots are filled,
 * the purpose is not served. Over the trend window (the last three months M-2..M against the three before,
 * M-5..M-3, each window aggregated like any figure: ratio of sums, COUNT as the average month):
 *
 * <ul>
 * <li>the activity rises by more than {@link #ACTIVITY_RISE} (5 %) of its earlier window's level, and</li>
 * <li>the outcome gets worse by more than {@link #OUTCOME_FALL} (5 %) of its earlier level in its own direction
 * (falls for HIGHER_IS_BETTER, rises for LOWER_IS_BETTER).</li>
 * </ul>
 *
 * Both thresholds are five times the trend's 1 %, so that ordinary month-to-month movement does not raise the flag
 * (the demo's national figures move by about 3 % each way from the first to the second quarter of 2020).
 * {@code true} when both hold, {@code false} when they do not, {@code null} when the indicator is not paired, its
 * outcome is not (yet) in the catalogue, or a window of either has no data or a level of zero.
 */
public final class Displacement {

    public static final BigDecimal ACTIVITY_RISE = new BigDecimal("0.05");
    public static final BigDecimal OUTCOME_FALL = new BigDecimal("0.05");

    private Displacement() {
    }

    /** The flag for a unit's row of {@code activity} in {@code month}. */
    public static Boolean of(Figures figures, String unitId, Indicator activity, YearMonth month) {
        if (activity.pairedOutcome() == null) {
            return null;
        }
        Indicator outcome = figures.model().indicator(activity.pairedOutcome()).orElse(null);
        if (outcome == null) {
            return null;
        }
        return of(change(figures, unitId, activity, month), change(figures, unitId, outcome, month),
                outcome.direction());
    }

    /** The rule on the two relative changes (null: no data). */
    static Boolean of(BigDecimal activityChange, BigDecimal outcomeChange, Direction outcomeDirection) {
        if (activityChange == null || outcomeChange == null) {
            return null;
        }
        BigDecimal outcomeGain = outcomeDirection == Direction.LOWER_IS_BETTER ? outcomeChange.negate() : outcomeChange;
        return activityChange.compareTo(ACTIVITY_RISE) > 0 && outcomeGain.compareTo(OUTCOME_FALL.negate()) < 0;
    }

    /** (recent − earlier) / |earlier| over the trend window, or null. */
    static BigDecimal change(Figures figures, String unitId, Indicator indicator, YearMonth month) {
        BigDecimal now = figures.range(unitId, indicator, month.minusMonths(2), month).monthlyLevel(indicator.measure());
        BigDecimal before = figures.range(unitId, indicator, month.minusMonths(5), month.minusMonths(3))
                .monthlyLevel(indicator.measure());
        return relative(now, before);
    }

    static BigDecimal relative(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).divide(before.abs(), MathContext.DECIMAL64);
    }
}
