package no.mrs.goal.goal;

import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.Rejection;

import java.util.List;
import java.util.stream.Collectors;

/** 422: the change would leave units with more steering goals in force than their budget; names them. */
public class GoalBudgetExceeded extends Rejection {

    public static final String CODE = "goal-budget-exceeded";

    /** A unit that would be over its budget: the steering goals it would have, and its cap. */
    public record Excess(String unitId, int steeringGoals, int maxSteeringGoals) {
    }

    private final transient List<Excess> units;

    public GoalBudgetExceeded(int year, List<Excess> units) {
        super(Kind.UNPROCESSABLE, CODE, units.stream()
                .map(e -> "unit " + e.unitId() + " would have " + e.steeringGoals() + " steering goals in " + year
                        + " (budget " + e.maxSteeringGoals() + ")")
                .collect(Collectors.joining("; ", "Over the goal budget: ", "")), List.of());
        this.units = List.copyOf(units);
    }

    public List<Excess> units() {
        return units;
    }

    @Override
    public Problem toProblem() {
        return Problem.of(422, CODE, "Goal budget exceeded", getMessage()).with("units", units);
    }
}
