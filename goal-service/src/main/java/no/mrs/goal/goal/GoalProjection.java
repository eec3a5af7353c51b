package no.mrs.goal.goal;

import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the goal table in step with the goal events, in the transaction that appends them. */
@ApplicationScoped
public class GoalProjection {

    /** Writes the goal as it stands after an event. */
    public void apply(GoalState s) {
        GoalRow row = GoalRow.findById(s.goalId());
        boolean created = row == null;
        if (created) {
            row = new GoalRow();
            row.goalId = s.goalId();
        }
        row.indicatorId = s.indicatorId();
        row.year = s.year();
        row.classification = s.classification();
        row.target = s.target();
        row.origin = s.origin();
        row.sourceUnitId = s.sourceUnitId();
        row.letterId = s.letterId();
        row.mainGoal = s.mainGoal();
        row.localAdjustment = s.localAdjustment();
        row.proposalId = s.proposalId();
        row.rationale = s.rationale();
        row.status = s.status();
        row.version = s.version();
        if (created) {
            row.persist();
        }
    }
}
