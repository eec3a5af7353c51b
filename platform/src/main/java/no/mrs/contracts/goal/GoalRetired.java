package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/** The goal stops counting from now on. */
@EventType(name = "no.mrs.goal.GoalRetired", version = 1)
public record GoalRetired(String goalId, String sourceUnitId, String reason) implements GoalEvent {
}
