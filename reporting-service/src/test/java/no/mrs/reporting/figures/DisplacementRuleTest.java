package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The goal displacement rule and its thresholds, without Quarkus. */
class DisplacementRuleTest {

    @Test
    void theActivityRisingWhileTheOutcomeFallsIsDisplacement() {
        // activity 60 → 66 (+10 %), outcome 80 → 72 (−10 %)
        assertThat(Displacement.of(change(66, 60), change(72, 80), Direction.HIGHER_IS_BETTER)).isTrue();
        // both rise: the activity serves its outcome
        assertThat(Displacement.of(change(66, 60), change(88, 80), Direction.HIGHER_IS_BETTER)).isFalse();
        // the outcome falls but the activity does not rise
        assertThat(Displacement.of(change(60, 60), change(72, 80), Direction.HIGHER_IS_BETTER)).isFalse();
        assertThat(Displacement.of(change(54, 60), change(72, 80), Direction.HIGHER_IS_BETTER)).isFalse();
    }

    @Test
    void bothChangesMustExceedFivePercentOfTheEarlierLevel() {
        assertThat(Displacement.of(change(105, 100), change(90, 100), Direction.HIGHER_IS_BETTER))
                .as("activity +5 % exactly").isFalse();
        assertThat(Displacement.of(change(10501, 10000), change(90, 100), Direction.HIGHER_IS_BETTER))
                .as("activity +5.01 %").isTrue();
        assertThat(Displacement.of(change(110, 100), change(95, 100), Direction.HIGHER_IS_BETTER))
                .as("outcome −5 % exactly").isFalse();
        assertThat(Displacement.of(change(110, 100), change(9499, 10000), Direction.HIGHER_IS_BETTER))
                .as("outcome −5.01 %").isTrue();
    }

    @Test
    void anOutcomeWhereLowerIsBetterGetsWorseWhenItRises() {
        assertThat(Displacement.of(change(110, 100), change(110, 100), Direction.LOWER_IS_BETTER)).isTrue();
        assertThat(Displacement.of(change(110, 100), change(90, 100), Direction.LOWER_IS_BETTER)).isFalse();
    }

    @Test
    void withoutDataInEitherWindowThereIsNoFlag() {
        assertThat(Displacement.relative(null, BigDecimal.TEN)).isNull();
        assertThat(Displacement.relative(BigDecimal.TEN, null)).isNull();
        assertThat(Displacement.relative(BigDecimal.TEN, BigDecimal.ZERO)).as("an earlier level of zero").isNull();
        assertThat(Displacement.of(null, change(72, 80), Direction.HIGHER_IS_BETTER)).isNull();
        assertThat(Displacement.of(change(66, 60), null, Direction.HIGHER_IS_BETTER)).isNull();
    }

    private static BigDecimal change(double now, double before) {
        return Displacement.relative(BigDecimal.valueOf(now), BigDecimal.valueOf(before));
    }
}
