package no.mrs.goal.budget;

import no.mrs.contracts.goal.GoalBudgetSet;
import no.mrs.goal.goal.GoalBudgetExceeded;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalRules;
import no.mrs.platform.problem.Rejection;

import java.util.List;
import java.util.Optional;

/** The rules of the goal budget: a cap on the steering goals in force for a unit and year. */
public final class GoalBudgetDecider {

    public record SetGoalBudget(String unitId, int year, int maxSteeringGoals) {
    }

    private GoalBudgetDecider() {
    }

    /** Empty when the budget already is that; 422 when the unit already has more steering goals in force. */
    public static Optional<GoalBudgetSet> decide(SetGoalBudget c, GoalContext context) {
        if (!context.org().exists(c.unitId())) {
            throw Rejection.notFound("Unit " + c.unitId() + " does not exist");
        }
        GoalRules.checkYear("year", c.year());
        if (c.maxSteeringGoals() < 0) {
            throw Rejection.invalid("maxSteeringGoals", "out-of-range", "The budget cannot be negative");
        }
        int previous = context.budgetOf(c.unitId());
        if (previous == c.maxSteeringGoals()) {
            return Optional.empty();
        }
        int inForce = context.steeringInForce(c.unitId());
        if (inForce > c.maxSteeringGoals()) {
            // lowering the cap below what is in force would break it at once: retire goals first
            throw new GoalBudgetExceeded(c.year(),
                    List.of(new GoalBudgetExceeded.Excess(c.unitId(), inForce, c.maxSteeringGoals())));
        }
        return Optional.of(new GoalBudgetSet(c.unitId(), c.year(), c.maxSteeringGoals(), previous));
    }
}
