package no.mrs.goal.goal;

import no.mrs.goal.GoalWorld;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static no.mrs.goal.GoalWorld.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalRulesTest {

    @Test
    void aGoalAppliesToItsSourceUnitAndEverythingBelow() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15").id("central")).context();

        assertThat(context.inForce("0000")).extracting(GoalState::goalId).containsExactly("central");
        assertThat(context.inForce("0300")).extracting(GoalState::goalId).containsExactly("central");
        assertThat(context.inForce("0314")).extracting(GoalState::goalId).containsExactly("central");
    }

    @Test
    void theNearestGoalWinsWhereTheInheritedOneAllowsAdjustment() {
        GoalContext context = GoalWorld.nav()
                .goal(goal("B.15").id("central").target(80))
                .goal(goal("B.15").id("oslo").at("0300").target(78))
                .goal(goal("B.15").id("sagene").at("0314").target(75))
                .context();

        assertThat(context.inForce("0314")).extracting(GoalState::goalId).containsExactly("sagene");
        assertThat(context.inForce("0315")).extracting(GoalState::goalId).containsExactly("oslo");
        assertThat(context.inForce("0502")).extracting(GoalState::goalId).containsExactly("central");
    }

    @Test
    void aForbiddenInheritedGoalStaysWhateverLiesBelow() {
        GoalContext context = GoalWorld.nav()
                .goal(goal("B.15").id("central").forbidden())
                .goal(goal("B.15").id("sagene").at("0314"))
                .context();

        assertThat(context.inForce("0314")).extracting(GoalState::goalId).containsExactly("central");
    }

    @Test
    void retiredGoalsAreNotInForce() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15").retired()).context();

        assertThat(context.inForce("0314")).isEmpty();
    }

    @Test
    void monitoringGoalsAreInForceButDoNotCountAsSteering() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15")).goal(goal("B.16").monitoring()).context();

        assertThat(context.inForce("0314")).hasSize(2);
        assertThat(context.steeringInForce("0314")).isEqualTo(1);
    }

    @Test
    void rejectsAGoalOverAForbiddenInheritedOne() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15").forbidden()).context();

        assertThatThrownBy(() -> GoalRules.checkPlacement(goal("B.15").at("0314").build(), context))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                    assertThat(r.code()).isEqualTo("adjustment-forbidden");
                });
    }

    @Test
    void rejectsASecondActiveGoalOnTheSameIndicatorInTheSameUnit() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15").at("0314")).context();

        assertThatThrownBy(() -> GoalRules.checkPlacement(goal("B.15").at("0314").build(), context))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("goal-exists"));
    }

    @Test
    void budgetNamesEveryUnitThatWouldBeOverItsCap() {
        GoalContext context = GoalWorld.nav().defaultBudget(2)
                .goal(goal("B.15").at("0300")).goal(goal("B.16").at("0314")).goal(goal("B.25").at("0315"))
                .context();

        assertThatThrownBy(() -> GoalRules.checkBudget(List.of(goal("B.31").at("0300").target(10).build()), context))
                .isInstanceOfSatisfying(GoalBudgetExceeded.class, e -> {
                    assertThat(e.kind()).isEqualTo(Rejection.Kind.UNPROCESSABLE);
                    assertThat(e.units()).containsExactly(new GoalBudgetExceeded.Excess("0314", 3, 2),
                            new GoalBudgetExceeded.Excess("0315", 3, 2));
                    assertThat(e.toProblem().type()).endsWith("goal-budget-exceeded");
                    assertThat(e.toProblem().extensionMembers()).containsKey("units");
                });
    }

    @Test
    void replacingAnInheritedTargetDoesNotUseMoreBudget() {
        GoalContext context = GoalWorld.nav().defaultBudget(1).goal(goal("B.15")).context();

        GoalRules.checkBudget(List.of(goal("B.15").at("0314").target(70).build()), context);
    }

    @Test
    void aUnitsOwnBudgetOverridesTheDefault() {
        GoalContext context = GoalWorld.nav().defaultBudget(1).budget("0314", 3).goal(goal("B.15").at("0314"))
                .context();

        GoalRules.checkBudget(List.of(goal("B.16").at("0314").build()), context);
        assertThatThrownBy(() -> GoalRules.checkBudget(List.of(goal("B.16").at("0315").build()),
                context.with(List.of(goal("B.25").at("0315").build()))))
                .isInstanceOf(GoalBudgetExceeded.class);
    }

    @Test
    void yearsOutside2000To2100AreRejected() {
        assertThatThrownBy(() -> GoalRules.checkYear("year", 1999)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.errors()).extracting(e -> e.field()).containsExactly("year"));
        assertThatThrownBy(() -> GoalRules.checkYear("year", 2101)).isInstanceOf(Rejection.class);
        GoalRules.checkYear("year", 2000);
        GoalRules.checkYear("year", 2100);
    }

    @Test
    void aLocalIndicatorIsUsableOnlyInItsOwnersSubtree() {
        GoalContext context = GoalWorld.nav().indicator(GoalWorld.localRatio("L.1", "0300")).context();

        GoalRules.checkContent("", "0314", "L.1", no.mrs.contracts.goal.Classification.STEERING,
                java.math.BigDecimal.TEN, context);
        assertThatThrownBy(() -> GoalRules.checkContent("", "0502", "L.1",
                no.mrs.contracts.goal.Classification.STEERING, java.math.BigDecimal.TEN, context))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field() + ":" + e.code()).containsExactly("indicatorId:outside-owner"));
    }

    @Test
    void anUnknownIndicatorIsNamed() {
        assertThatThrownBy(() -> GoalRules.checkContent("goals[1].", "0314", "X.1",
                no.mrs.contracts.goal.Classification.STEERING, java.math.BigDecimal.TEN, GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field() + ":" + e.code())
                        .containsExactly("goals[1].indicatorId:unknown-indicator"));
    }
}
