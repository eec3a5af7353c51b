package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalEvent;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalRetired;
import no.mrs.contracts.goal.GoalRevised;
import no.mrs.contracts.goal.GoalRevisedV2;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.LocalAdjustment;

import java.math.BigDecimal;
import java.util.List;

/** A goal as its events made it. It applies to {@code sourceUnitId} and everything below it in {@code year}. */
public record GoalState(String goalId, String indicatorId, int year, Classification classification,
        BigDecimal target, GoalOrigin origin, String sourceUnitId, String letterId, String mainGoal,
        LocalAdjustment localAdjustment, String proposalId, String rationale, GoalStatus status, long version) {

    public static final GoalState NONE = new GoalState(null, null, 0, null, null, null, null, null, null, null, null,
            null, null, 0);

    public boolean exists() {
        return goalId != null;
    }

    public boolean active() {
        return status == GoalStatus.ACTIVE;
    }

    public boolean steering() {
        return classification == Classification.STEERING;
    }

    /** Whether units below the source may replace this goal's target with one of their own. */
    public boolean adjustable() {
        return localAdjustment != LocalAdjustment.FORBIDDEN;
    }

    public static GoalState of(GoalSet s) {
        return evolve(NONE, s);
    }

    public static GoalState evolve(GoalState state, GoalEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and GoalStateTest feeds every permitted type
        if (event instanceof GoalSet s) {
            return new GoalState(s.goalId(), s.indicatorId(), s.year(), s.classification(), s.target(), s.origin(),
                    s.sourceUnitId(), s.letterId(), s.mainGoal(), s.localAdjustment(), s.proposalId(), s.rationale(),
                    GoalStatus.ACTIVE, state.version + 1);
        }
        if (event instanceof GoalRevised r) {
            return revised(state, r.target());
        }
        if (event instanceof GoalRevisedV2 r) {
            // the target is the latest revision's, whichever month it takes effect from (reporting dates it)
            return revised(state, r.target());
        }
        if (event instanceof GoalRetired) {
            return new GoalState(state.goalId, state.indicatorId, state.year, state.classification, state.target,
                    state.origin, state.sourceUnitId, state.letterId, state.mainGoal, state.localAdjustment,
                    state.proposalId, state.rationale, GoalStatus.RETIRED, state.version + 1);
        }
        throw new IllegalArgumentException("Unhandled goal event " + event.getClass().getName());
    }

    private static GoalState revised(GoalState state, java.math.BigDecimal target) {
        return new GoalState(state.goalId, state.indicatorId, state.year, state.classification, target,
                state.origin, state.sourceUnitId, state.letterId, state.mainGoal, state.localAdjustment,
                state.proposalId, state.rationale, state.status, state.version + 1);
    }

    public static GoalState replay(List<GoalEvent> events) {
        GoalState state = NONE;
        for (GoalEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
