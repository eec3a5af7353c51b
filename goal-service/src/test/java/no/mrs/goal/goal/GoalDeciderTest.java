package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalRetired;
import no.mrs.contracts.goal.GoalRevisedV2;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.goal.GoalWorld;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static no.mrs.goal.GoalWorld.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalDeciderTest {

    static GoalDecider.SetLocalGoal local(String unitId, String indicatorId, String target) {
        return new GoalDecider.SetLocalGoal("g1", unitId, indicatorId, GoalWorld.YEAR, Classification.STEERING,
                target == null ? null : new BigDecimal(target), null, null, "the local labour market", null);
    }

    @Nested
    class SetLocalGoal {

        @Test
        void setsALocalGoalThatAllowsAdjustmentBelowByDefault() {
            GoalSet set = GoalDecider.decide(local("0314", "B.15", "78"), GoalWorld.nav().context());

            assertThat(set).isEqualTo(new GoalSet("g1", "B.15", 2021, Classification.STEERING, new BigDecimal("78"),
                    GoalOrigin.LOCAL, "0314", null, null, LocalAdjustment.ALLOWED, null, "the local labour market"));
        }

        @Test
        void adjustsAnInheritedTargetWhereTheLetterAllowsIt() {
            GoalContext context = GoalWorld.nav().goal(goal("B.15").target(80)).context();

            assertThat(GoalDecider.decide(local("0314", "B.15", "78"), context).target()).isEqualByComparingTo("78");
        }

        @Test
        void refusesToAdjustAnInheritedGoalThatForbidsIt() {
            GoalContext context = GoalWorld.nav().goal(goal("B.15").forbidden()).context();

            assertThatThrownBy(() -> GoalDecider.decide(local("0314", "B.15", "78"), context))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT));
        }

        @Test
        void refusesAGoalThatWouldBreakTheBudget() {
            GoalContext context = GoalWorld.nav().budget("0314", 1).goal(goal("B.16")).context();

            assertThatThrownBy(() -> GoalDecider.decide(local("0314", "B.15", "78"), context))
                    .isInstanceOf(GoalBudgetExceeded.class);
        }

        @Test
        void refusesAnUnknownUnit() {
            assertThatThrownBy(() -> GoalDecider.decide(local("0999", "B.15", "78"), GoalWorld.nav().context()))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        }

        @Test
        void refusesATargetOutsideTheMeasure() {
            assertThatThrownBy(() -> GoalDecider.decide(local("0314", "B.15", "120"), GoalWorld.nav().context()))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(e -> e.field()).containsExactly("target"));
        }

        @Test
        void refusesAYearOutsideTheRange() {
            GoalDecider.SetLocalGoal command = new GoalDecider.SetLocalGoal("g1", "0314", "B.15", 1999,
                    Classification.STEERING, BigDecimal.TEN, null, null, null, null);

            assertThatThrownBy(() -> GoalDecider.decide(command, GoalWorld.nav().context()))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(e -> e.field()).containsExactly("year"));
        }
    }

    @Nested
    class ReviseGoal {

        final GoalState goal = goal("B.15").id("g1").target(80).build();

        @Test
        void revisesTheTargetWithItsReason() {
            GoalRevisedV2 revised = GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, new BigDecimal("79"),
                    " new labour market figures "), goal, GoalWorld.ratio("B.15"), YearMonth.of(goal.year(), 3));

            assertThat(revised).isEqualTo(new GoalRevisedV2("g1", "0000", new BigDecimal("79"),
                    BigDecimal.valueOf(80.0), YearMonth.of(goal.year(), 3), "new labour market figures"));
        }

        @Test
        void takesEffectFromTheGivenMonthOrByDefaultFromTheMonthItIsMadeBroughtIntoTheGoalsYear() {
            int year = goal.year();
            assertThat(GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why",
                    YearMonth.of(year, 6)), goal, GoalWorld.ratio("B.15"), YearMonth.of(year, 2)).effectiveFrom())
                    .isEqualTo(YearMonth.of(year, 6));
            assertThat(GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why"), goal,
                    GoalWorld.ratio("B.15"), YearMonth.of(year - 1, 11)).effectiveFrom()).isEqualTo(YearMonth.of(year, 1));
            assertThat(GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why"), goal,
                    GoalWorld.ratio("B.15"), YearMonth.of(year + 2, 4)).effectiveFrom()).isEqualTo(YearMonth.of(year, 12));
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why",
                    YearMonth.of(year - 1, 12)), goal, GoalWorld.ratio("B.15"), YearMonth.of(year, 2)))
                    .isInstanceOf(Rejection.class).hasMessageContaining("before the goal's year");
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why",
                    YearMonth.of(year + 1, 1)), goal, GoalWorld.ratio("B.15"), YearMonth.of(year, 2)))
                    .isInstanceOf(Rejection.class).hasMessageContaining("goal's year");
        }

        @Test
        void rejectsRevisionWithoutReason() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, " "), goal,
                    GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
                        assertThat(r.errors()).extracting(e -> e.field()).containsExactly("reason");
                    });
        }

        @Test
        void rejectsAStaleOrMissingVersion() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 2L, BigDecimal.TEN, "why"),
                    goal, GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.STALE));
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", null, BigDecimal.TEN, "why"),
                    goal, GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.STALE));
        }

        @Test
        void rejectsRevisingARetiredOrMonitoringGoal() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why"),
                    goal("B.15").id("g1").retired().build(), GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("goal-retired"));
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, BigDecimal.TEN, "why"),
                    goal("B.15").id("g1").monitoring().build(), GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(e -> e.code()).containsExactly("monitoring-has-no-target"));
        }

        @Test
        void rejectsANewTargetOutsideTheMeasure() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("g1", 1L, new BigDecimal("101"),
                    "why"), goal, GoalWorld.ratio("B.15")))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(e -> e.field() + ":" + e.code()).containsExactly("target:out-of-range"));
        }

        @Test
        void rejectsAnUnknownGoal() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.ReviseGoal("nope", 1L, BigDecimal.TEN, "why"),
                    GoalState.NONE, null))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        }
    }

    @Nested
    class RetireGoal {

        final GoalState goal = goal("B.15").id("g1").build();

        @Test
        void retiresWithItsReason() {
            assertThat(GoalDecider.decide(new GoalDecider.RetireGoal("g1", null, "outdated"), goal))
                    .isEqualTo(new GoalRetired("g1", "0000", "outdated"));
        }

        @Test
        void needsAReasonAndAnActiveGoal() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.RetireGoal("g1", null, ""), goal))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                            .extracting(e -> e.field()).containsExactly("reason"));
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.RetireGoal("g1", null, "again"),
                    goal("B.15").id("g1").retired().build()))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT));
        }

        @Test
        void checksTheVersionWhenOneIsGiven() {
            assertThatThrownBy(() -> GoalDecider.decide(new GoalDecider.RetireGoal("g1", 5L, "outdated"), goal))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.STALE));
        }
    }
}
