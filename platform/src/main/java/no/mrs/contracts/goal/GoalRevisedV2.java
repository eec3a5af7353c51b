package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The goal's target changed from {@code effectiveFrom} on (a month of the goal's year), with the reason; earlier
 * months keep the target that was in force then. Version 2 of {@code GoalRevised}: version 1 ({@link GoalRevised})
 * has no {@code effectiveFrom} and means "from the month in which it was made" (Norwegian time).
 */
@EventType(name = "no.mrs.goal.GoalRevised", version = 2)
public record GoalRevisedV2(String goalId, String sourceUnitId, BigDecimal target, BigDecimal previousTarget,
        YearMonth effectiveFrom, String reason) implements GoalEvent {
}
