package no.mrs.goal.budget;

import no.mrs.contracts.goal.GoalBudgetSet;
import no.mrs.goal.GoalWorld;
import no.mrs.goal.goal.GoalBudgetExceeded;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.GoalWorld.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalBudgetDeciderTest {

    @Test
    void raisesTheBudgetFromTheDefault() {
        assertThat(GoalBudgetDecider.decide(new GoalBudgetDecider.SetGoalBudget("0314", 2021, 10),
                GoalWorld.nav().context())).contains(new GoalBudgetSet("0314", 2021, 10, 8));
    }

    @Test
    void settingTheSameBudgetChangesNothing() {
        assertThat(GoalBudgetDecider.decide(new GoalBudgetDecider.SetGoalBudget("0314", 2021, 8),
                GoalWorld.nav().context())).isEmpty();
    }

    @Test
    void cannotLowerTheBudgetBelowTheSteeringGoalsInForce() {
        var context = GoalWorld.nav().goal(goal("B.15")).goal(goal("B.16").at("0314")).context();

        assertThatThrownBy(() -> GoalBudgetDecider.decide(new GoalBudgetDecider.SetGoalBudget("0314", 2021, 1), context))
                .isInstanceOfSatisfying(GoalBudgetExceeded.class, e -> assertThat(e.units())
                        .containsExactly(new GoalBudgetExceeded.Excess("0314", 2, 1)));
    }

    @Test
    void refusesUnknownUnitsAndYearsOutOfRange() {
        assertThatThrownBy(() -> GoalBudgetDecider.decide(new GoalBudgetDecider.SetGoalBudget("0999", 2021, 5),
                GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        assertThatThrownBy(() -> GoalBudgetDecider.decide(new GoalBudgetDecider.SetGoalBudget("0314", 2200, 5),
                GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID));
    }
}
