package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

@EventType(name = "no.mrs.goal.GoalRevised", version = 1)
public record GoalRevised(String goalId, String sourceUnitId, BigDecimal target, BigDecimal previousTarget,
        String reason) implements GoalEvent {
}
