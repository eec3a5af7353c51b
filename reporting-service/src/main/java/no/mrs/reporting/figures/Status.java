package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.reporting.model.Goal;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The year to date against the target of the goal in force, respecting the direction: ON_TARGET when the target is
 * met, NEAR_TARGET when it is missed by at most 5 % of the target, OFF_TARGET beyond that. NO_TARGET for a
 * MONITORING goal, a goal without target, or no goal; NO_DATA when there is no figure yet. A COUNT target is a
 * monthly level: it is compared with the average month of the year so far.
 */
public enum Status {
    ON_TARGET, NEAR_TARGET, OFF_TARGET, NO_TARGET, NO_DATA;

    /** How far from the target still counts as near, relative to the target. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.05");

    /** The year to date up to {@code month} against the target in force in {@code month}. */
    public static Status of(Goal goal, YearMonth month, Direction direction, Measure measure, Sums yearToDate) {
        BigDecimal target = goal == null ? null : goal.targetIn(month);
        if (goal == null || goal.classification() == Classification.MONITORING || target == null) {
            return NO_TARGET;
        }
        BigDecimal actual = yearToDate.monthlyLevel(measure);
        if (actual == null) {
            return NO_DATA;
        }
        // shortfall > 0 when the target is missed, in the indicator's own direction
        BigDecimal shortfall = direction == Direction.LOWER_IS_BETTER ? actual.subtract(target) : target.subtract(actual);
        if (shortfall.signum() <= 0) {
            return ON_TARGET;
        }
        return shortfall.compareTo(target.abs().multiply(TOLERANCE)) <= 0 ? NEAR_TARGET : OFF_TARGET;
    }
}
