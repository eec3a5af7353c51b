package no.mrs.goal.indicator;

import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.goal.GoalWorld;
import no.mrs.goal.unit.OrgChart;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorDeciderTest {

    static final OrgChart ORG = GoalWorld.nav().org();

    static IndicatorDecider.DefineIndicator ratio(String id, String name, String owner) {
        return new IndicatorDecider.DefineIndicator(id, name, Perspective.USER, Measure.RATIO,
                Direction.HIGHER_IS_BETTER, null, null, null, owner);
    }

    static IndicatorDecider.DefineIndicator score(String id, String min, String max) {
        return new IndicatorDecider.DefineIndicator(id, "Brukertilfredshet", Perspective.USER, Measure.SCORE,
                Direction.HIGHER_IS_BETTER, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null);
    }

    static IndicatorState given(IndicatorEvent... events) {
        return IndicatorState.replay(List.of(events));
    }

    @Test
    void definesACentralIndicator() {
        assertThat(IndicatorDecider.decide(ratio("B.15", "Overgang til arbeid", null), IndicatorState.NONE, ORG))
                .containsExactly(new IndicatorDefined("B.15", "Overgang til arbeid", Perspective.USER, Measure.RATIO,
                        Direction.HIGHER_IS_BETTER, null, null, null, null));
    }

    @Test
    void definesALocalIndicatorOwnedByAUnit() {
        assertThat(IndicatorDecider.decide(ratio("L.1", "Lokal", "0314"), IndicatorState.NONE, ORG))
                .extracting(e -> ((IndicatorDefined) e).ownerUnitId()).containsExactly("0314");
    }

    @Test
    void rejectsAnUnknownOwner() {
        assertThatThrownBy(() -> IndicatorDecider.decide(ratio("L.1", "Lokal", "0999"), IndicatorState.NONE, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field() + ":" + e.code()).containsExactly("ownerUnitId:unknown-unit"));
    }

    @Test
    void aScoreNeedsAScaleWithMaxAboveMin() {
        assertThat(IndicatorDecider.decide(score("B.90", "1", "6"), IndicatorState.NONE, ORG)).hasSize(1);
        assertThatThrownBy(() -> IndicatorDecider.decide(score("B.90", null, "6"), IndicatorState.NONE, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field()).containsExactly("scaleMin"));
        assertThatThrownBy(() -> IndicatorDecider.decide(score("B.90", "6", "6"), IndicatorState.NONE, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field()).containsExactly("scaleMax"));
    }

    @Test
    void onlyAScoreHasAScale() {
        IndicatorDecider.DefineIndicator withScale = new IndicatorDecider.DefineIndicator("B.31", "Antall",
                Perspective.USER, Measure.COUNT, Direction.HIGHER_IS_BETTER, null, BigDecimal.ONE, null, null);
        assertThatThrownBy(() -> IndicatorDecider.decide(withScale, IndicatorState.NONE, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.code()).containsExactly("only-for-score"));
    }

    @Test
    void redefinesAnExistingIndicatorAndIgnoresAnUnchangedOne() {
        IndicatorState state = given(new IndicatorDefined("B.15", "Old", Perspective.USER, Measure.RATIO,
                Direction.HIGHER_IS_BETTER, null, null, null, null));

        assertThat(IndicatorDecider.decide(ratio("B.15", "New", null), state, ORG))
                .containsExactly(new IndicatorRedefined("B.15", "New", Perspective.USER, Measure.RATIO,
                        Direction.HIGHER_IS_BETTER, null, null, null, null));
        assertThat(IndicatorDecider.decide(ratio("B.15", "Old", null), state, ORG)).isEmpty();
    }

    @Test
    void neitherMeasureNorOwnerChanges() {
        IndicatorState state = given(new IndicatorDefined("B.15", "Old", Perspective.USER, Measure.RATIO,
                Direction.HIGHER_IS_BETTER, null, null, null, null));

        assertThatThrownBy(() -> IndicatorDecider.decide(score("B.15", "1", "6"), state, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.code()).containsExactly("measure-change"));
        assertThatThrownBy(() -> IndicatorDecider.decide(ratio("B.15", "Old", "0314"), state, ORG))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.code()).containsExactly("owner-change"));
    }
}
