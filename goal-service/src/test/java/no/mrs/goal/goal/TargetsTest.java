package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.goal.GoalWorld;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsTest {

    static final IndicatorState RATIO = GoalWorld.ratio("B.15");
    static final IndicatorState COUNT = GoalWorld.count("B.31");
    static final IndicatorState SCORE = GoalWorld.score("B.90", 1, 6);

    @Test
    void aRatioTargetIsAPercentageFrom0To100() {
        ok(RATIO, "0");
        ok(RATIO, "100");
        rejected(RATIO, "100.1", "out-of-range");
        rejected(RATIO, "-1", "out-of-range");
    }

    @Test
    void aCountTargetIsAWholeNumber() {
        ok(COUNT, "2104");
        ok(COUNT, "12.0");
        rejected(COUNT, "12.5", "out-of-range");
        rejected(COUNT, "-3", "out-of-range");
    }

    @Test
    void aScoreTargetLiesOnTheScale() {
        ok(SCORE, "4.5");
        rejected(SCORE, "0.9", "out-of-range");
        rejected(SCORE, "6.1", "out-of-range");
    }

    @Test
    void aSteeringGoalNeedsATargetAndAMonitoringGoalHasNone() {
        rejected(RATIO, null, "required");
        assertThatCode(() -> Targets.check("target", RATIO, Classification.MONITORING, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Targets.check("target", RATIO, Classification.MONITORING, BigDecimal.TEN))
                .isInstanceOfSatisfying(Rejection.class, r -> org.assertj.core.api.Assertions.assertThat(r.errors())
                        .extracting(e -> e.code()).containsExactly("monitoring-has-no-target"));
    }

    private static void ok(IndicatorState indicator, String target) {
        assertThatCode(() -> Targets.check("target", indicator, Classification.STEERING, new BigDecimal(target)))
                .doesNotThrowAnyException();
    }

    private static void rejected(IndicatorState indicator, String target, String code) {
        assertThatThrownBy(() -> Targets.check("target", indicator, Classification.STEERING,
                target == null ? null : new BigDecimal(target)))
                .isInstanceOfSatisfying(Rejection.class, r -> org.assertj.core.api.Assertions.assertThat(r.errors())
                        .extracting(e -> e.field() + ":" + e.code()).containsExactly("target:" + code));
    }
}
