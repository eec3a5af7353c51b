package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

/** Version 1: the target changed from the month in which the revision was made (Norwegian time); see {@link GoalRevisedV2}. */
@EventType(name = "no.mrs.goal.GoalRevised", version = 1)
public record GoalRevised(String goalId, String sourceUnitId, BigDecimal target, BigDecimal previousTarget,
        String reason) implements GoalEvent {
}
