package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/** A leader adopted the proposal; it became the local goal {@code goalId} (whose GoalSet names the proposal). */
@EventType(name = "no.mrs.goal.GoalProposalAdopted", version = 1)
public record GoalProposalAdopted(String proposalId, String unitId, String goalId, String reason)
        implements GoalProposalEvent {
}
