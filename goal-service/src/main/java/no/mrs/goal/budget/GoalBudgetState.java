package no.mrs.goal.budget;

import no.mrs.contracts.goal.GoalBudgetEvent;
import no.mrs.contracts.goal.GoalBudgetSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A unit's own goal budgets by year, as its events made them. */
public record GoalBudgetState(Map<Integer, Integer> byYear, long version) {

    public static final GoalBudgetState NONE = new GoalBudgetState(Map.of(), 0);

    public GoalBudgetState {
        byYear = Map.copyOf(byYear);
    }

    public static GoalBudgetState evolve(GoalBudgetState state, GoalBudgetEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and GoalBudgetStateTest feeds every permitted type
        if (event instanceof GoalBudgetSet s) {
            Map<Integer, Integer> byYear = new HashMap<>(state.byYear);
            byYear.put(s.year(), s.maxSteeringGoals());
            return new GoalBudgetState(byYear, state.version + 1);
        }
        throw new IllegalArgumentException("Unhandled goal budget event " + event.getClass().getName());
    }

    public static GoalBudgetState replay(List<GoalBudgetEvent> events) {
        GoalBudgetState state = NONE;
        for (GoalBudgetEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
