package no.mrs.reporting.model;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.LocalAdjustment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A goal as it stands: {@code target} is the latest revision's; {@code retiredFrom} is the first month in which it
 * no longer counts (the month of the retirement), null while it is in force.
 */
public record Goal(String goalId, String indicatorId, int year, Classification classification, BigDecimal target,
        GoalOrigin origin, String sourceUnitId, String letterId, String mainGoal, LocalAdjustment localAdjustment,
        String proposalId, YearMonth retiredFrom) {

    public boolean inForceIn(YearMonth month) {
        return year == month.getYear() && (retiredFrom == null || month.isBefore(retiredFrom));
    }

    public Goal withTarget(BigDecimal newTarget) {
        return new Goal(goalId, indicatorId, year, classification, newTarget, origin, sourceUnitId, letterId, mainGoal,
                localAdjustment, proposalId, retiredFrom);
    }

    public Goal retiredFrom(YearMonth month) {
        return new Goal(goalId, indicatorId, year, classification, target, origin, sourceUnitId, letterId, mainGoal,
                localAdjustment, proposalId, month);
    }
}
