package no.mrs.goal.letter;

import no.mrs.contracts.goal.GoalLetterDrafted;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.contracts.goal.GoalLetterPublished;
import no.mrs.contracts.goal.LetterGoal;

import java.util.List;

/** A goal letter as its events made it; {@code goalIds} are the goals it put in force once published. */
public record GoalLetterState(String letterId, int year, String issuerUnitId, String title, List<String> mainGoals,
        List<LetterGoal> goals, LetterStatus status, List<String> goalIds, long version) {

    public static final GoalLetterState NONE = new GoalLetterState(null, 0, null, null, List.of(), List.of(), null,
            List.of(), 0);

    public GoalLetterState {
        mainGoals = mainGoals == null ? List.of() : List.copyOf(mainGoals);
        goals = goals == null ? List.of() : List.copyOf(goals);
        goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
    }

    public boolean exists() {
        return letterId != null;
    }

    public static GoalLetterState evolve(GoalLetterState state, GoalLetterEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and GoalLetterStateTest feeds every permitted type
        if (event instanceof GoalLetterDrafted d) {
            return new GoalLetterState(d.letterId(), d.year(), d.issuerUnitId(), d.title(), d.mainGoals(), d.goals(),
                    LetterStatus.DRAFT, List.of(), state.version + 1);
        }
        if (event instanceof GoalLetterPublished p) {
            return new GoalLetterState(state.letterId, state.year, state.issuerUnitId, state.title, state.mainGoals,
                    state.goals, LetterStatus.PUBLISHED, p.goalIds(), state.version + 1);
        }
        throw new IllegalArgumentException("Unhandled goal letter event " + event.getClass().getName());
    }

    public static GoalLetterState replay(List<GoalLetterEvent> events) {
        GoalLetterState state = NONE;
        for (GoalLetterEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
