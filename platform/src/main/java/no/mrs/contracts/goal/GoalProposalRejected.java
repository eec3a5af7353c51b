package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/** A leader rejected the proposal, saying why. */
@EventType(name = "no.mrs.goal.GoalProposalRejected", version = 1)
public record GoalProposalRejected(String proposalId, String unitId, String reason) implements GoalProposalEvent {
}
