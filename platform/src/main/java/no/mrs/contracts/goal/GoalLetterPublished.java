package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.util.List;

/** The letter was published; its goals take effect as the listed goal ids (each with its own GoalSet). */
@EventType(name = "no.mrs.goal.GoalLetterPublished", version = 1)
public record GoalLetterPublished(String letterId, int year, String issuerUnitId, List<String> goalIds)
        implements GoalLetterEvent {
}
