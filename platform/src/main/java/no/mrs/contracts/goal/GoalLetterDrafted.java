package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.util.List;

/** A goal letter was drafted (or its draft replaced): the whole draft. */
@EventType(name = "no.mrs.goal.GoalLetterDrafted", version = 1)
public record GoalLetterDrafted(String letterId, int year, String issuerUnitId, String title, List<String> mainGoals,
        List<LetterGoal> goals) implements GoalLetterEvent {
}
