package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of one goal; stream {@code goal:<goalId>}, key = the goal's source unit id. */
public sealed interface GoalEvent extends EventPayload permits GoalSet, GoalRevised, GoalRevisedV2, GoalRetired {

    String goalId();

    String sourceUnitId();

    @Override
    default String streamId() {
        return "goal:" + goalId();
    }

    @Override
    default String partitionKey() {
        return sourceUnitId();
    }
}
