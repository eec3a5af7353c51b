package no.mrs.contracts.goal;

import java.math.BigDecimal;

/** One goal of a goal letter. {@code target} is null for MONITORING. */
public record LetterGoal(String indicatorId, Classification classification, BigDecimal target, String mainGoal,
        LocalAdjustment localAdjustment) {
}
