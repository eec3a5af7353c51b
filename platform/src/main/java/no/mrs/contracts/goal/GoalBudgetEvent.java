package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of a unit's goal budget; stream {@code goal-budget:<unitId>}, key = unit id. */
public sealed interface GoalBudgetEvent extends EventPayload permits GoalBudgetSet {

    String unitId();

    @Override
    default String streamId() {
        return "goal-budget:" + unitId();
    }

    @Override
    default String partitionKey() {
        return unitId();
    }
}
