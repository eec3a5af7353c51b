package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/**
 * The cap on steering goals in force for a unit in a year was set. {@code previousMaxSteeringGoals} is what applied
 * before (the configured default when the unit had no budget of its own for the year).
 */
@EventType(name = "no.mrs.goal.GoalBudgetSet", version = 1)
public record GoalBudgetSet(String unitId, int year, int maxSteeringGoals, int previousMaxSteeringGoals)
        implements GoalBudgetEvent {
}
