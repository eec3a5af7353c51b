package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of a goal proposal made by staff of a unit; stream {@code proposal:<proposalId>}, key = unit id. */
public sealed interface GoalProposalEvent extends EventPayload
        permits GoalProposed, GoalProposalAdopted, GoalProposalRejected {

    String proposalId();

    String unitId();

    @Override
    default String streamId() {
        return "proposal:" + proposalId();
    }

    @Override
    default String partitionKey() {
        return unitId();
    }
}
