package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

/**
 * A goal came into force for {@code sourceUnitId} and everything below it in {@code year}. {@code letterId} is set
 * for goals from a letter, {@code proposalId} for a local goal adopted from a proposal.
 */
@EventType(name = "no.mrs.goal.GoalSet", version = 1)
public record GoalSet(String goalId, String indicatorId, int year, Classification classification, BigDecimal target,
        GoalOrigin origin, String sourceUnitId, String letterId, String mainGoal, LocalAdjustment localAdjustment,
        String proposalId, String rationale) implements GoalEvent {
}
