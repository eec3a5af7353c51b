package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

/** Someone in {@code unitId} proposed a local goal. {@code target} is null for MONITORING. */
@EventType(name = "no.mrs.goal.GoalProposed", version = 1)
public record GoalProposed(String proposalId, String unitId, String indicatorId, int year,
        Classification classification, BigDecimal target, String rationale) implements GoalProposalEvent {
}
