package no.mrs.goal.letter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.LetterGoal;

import java.util.List;

/** Keeps the goal_letter table in step with the letter events, in the transaction that appends them. */
@ApplicationScoped
public class GoalLetterProjection {

    @Inject
    ObjectMapper mapper;

    /** Writes the letter as it stands after an event. */
    public void apply(GoalLetterState s) {
        GoalLetterRow row = GoalLetterRow.findById(s.letterId());
        boolean created = row == null;
        if (created) {
            row = new GoalLetterRow();
            row.letterId = s.letterId();
        }
        row.year = s.year();
        row.issuerUnitId = s.issuerUnitId();
        row.title = s.title();
        row.mainGoals = json(s.mainGoals());
        row.goals = json(s.goals());
        row.status = s.status();
        row.goalIds = json(s.goalIds());
        row.version = s.version();
        if (created) {
            row.persist();
        }
    }

    public GoalLetterState read(GoalLetterRow row) {
        try {
            return new GoalLetterState(row.letterId, row.year, row.issuerUnitId, row.title,
                    mapper.readValue(row.mainGoals, new TypeReference<List<String>>() { }),
                    mapper.readValue(row.goals, new TypeReference<List<LetterGoal>>() { }), row.status,
                    mapper.readValue(row.goalIds, new TypeReference<List<String>>() { }), row.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Letter row " + row.letterId + " is not readable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
