package no.mrs.reporting.model;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.LocalAdjustment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A goal as it stands: {@code target} is the target it was set with, {@code revisions} the dated targets that
 * replaced it, oldest month first (each from its month on, until the next); {@code retiredFrom} is the first month
 * in which it no longer counts (the month of the retirement), null while it is in force.
 */
public record Goal(String goalId, String indicatorId, int year, Classification classification, BigDecimal target,
        GoalOrigin origin, String sourceUnitId, String letterId, String mainGoal, LocalAdjustment localAdjustment,
        String proposalId, YearMonth retiredFrom, List<Revision> revisions) {

    /** The goal's target from {@code from} on. */
    public record Revision(YearMonth from, BigDecimal target) {
    }

    public Goal {
        revisions = revisions == null || revisions.isEmpty() ? List.of() : List.copyOf(revisions);
    }

    public Goal(String goalId, String indicatorId, int year, Classification classification, BigDecimal target,
            GoalOrigin origin, String sourceUnitId, String letterId, String mainGoal, LocalAdjustment localAdjustment,
            String proposalId, YearMonth retiredFrom) {
        this(goalId, indicatorId, year, classification, target, origin, sourceUnitId, letterId, mainGoal,
                localAdjustment, proposalId, retiredFrom, List.of());
    }

    public boolean inForceIn(YearMonth month) {
        return year == month.getYear() && (retiredFrom == null || month.isBefore(retiredFrom));
    }

    /** The target in force in a month: the latest revision from that month or earlier, else the target as set. */
    public BigDecimal targetIn(YearMonth month) {
        BigDecimal inForce = target;
        for (Revision revision : revisions) {
            if (!revision.from().isAfter(month)) {
                inForce = revision.target();
            }
        }
        return inForce;
    }

    /** A revision from {@code from} on replaces whatever was planned from that month on; earlier months keep theirs. */
    public Goal revisedFrom(YearMonth from, BigDecimal newTarget) {
        List<Revision> kept = new ArrayList<>();
        for (Revision revision : revisions) {
            if (revision.from().isBefore(from)) {
                kept.add(revision);
            }
        }
        kept.add(new Revision(from, newTarget));
        return new Goal(goalId, indicatorId, year, classification, target, origin, sourceUnitId, letterId, mainGoal,
                localAdjustment, proposalId, retiredFrom, kept);
    }

    public Goal retiredFrom(YearMonth month) {
        return new Goal(goalId, indicatorId, year, classification, target, origin, sourceUnitId, letterId, mainGoal,
                localAdjustment, proposalId, month, revisions);
    }
}
