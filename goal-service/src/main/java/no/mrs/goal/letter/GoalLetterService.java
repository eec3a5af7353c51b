package no.mrs.goal.letter;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.GoalLetterDrafted;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.goal.goal.GoalRules;
import no.mrs.goal.goal.GoalService;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Drafts and publishes goal letters; publication puts their goals in force in the same transaction. */
@ApplicationScoped
public class GoalLetterService {

    @Inject
    EventStore store;

    @Inject
    GoalLetterProjection projection;

    @Inject
    GoalService goals;

    @Transactional
    public GoalLetterState draft(GoalLetterDecider.DraftLetter command, String actor) {
        GoalLetterState state = load(command.letterId());
        GoalRules.checkYear("year", command.year());
        GoalLetterDrafted drafted = GoalLetterDecider.decide(command, state, goals.context(command.year()));
        return append(state, drafted, actor);
    }

    @Transactional
    public GoalLetterState publish(GoalLetterDecider.PublishLetter command, String actor) {
        GoalLetterState state = load(command.letterId());
        GoalLetterDecider.Publication publication = GoalLetterDecider.decide(command, state,
                state.exists() ? goals.lockedContext(state.year()) : null, () -> UUID.randomUUID().toString());
        GoalLetterState published = append(state, publication.published(), actor);
        goals.record(actor, publication.goals());
        return published;
    }

    private GoalLetterState append(GoalLetterState state, GoalLetterEvent event, String actor) {
        store.append(event.streamId(), state.version(), actor, event);
        GoalLetterState next = GoalLetterState.evolve(state, event);
        projection.apply(next);
        return next;
    }

    public GoalLetterState load(String letterId) {
        return GoalLetterState.replay(store.load("letter:" + letterId, GoalLetterEvent.class));
    }

    public Optional<GoalLetterState> find(String letterId) {
        return GoalLetterRow.<GoalLetterRow>findByIdOptional(letterId).map(projection::read);
    }

    /** Letters, optionally of one year and/or one issuer, newest year first. */
    /** A page of letters, newest year first, then by issuer and id; optionally of one year and one issuer. */
    public Page<GoalLetterState> page(Integer year, String issuerUnitId, PageRequest request) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (year != null) {
            query.append(" and year = :year");
            parameters.and("year", year);
        }
        if (issuerUnitId != null) {
            query.append(" and issuerUnitId = :issuer");
            parameters.and("issuer", issuerUnitId);
        }
        List<String> after = request.afterKey(3);
        if (after != null) {
            query.append(" and (year < :afterYear or (year = :afterYear and (issuerUnitId > :afterIssuer"
                    + " or (issuerUnitId = :afterIssuer and letterId > :afterLetter))))");
            parameters.and("afterYear", cursorYear(after.get(0))).and("afterIssuer", after.get(1))
                    .and("afterLetter", after.get(2));
        }
        query.append(" order by year desc, issuerUnitId, letterId");
        List<GoalLetterState> letters = GoalLetterRow.<GoalLetterRow>find(query.toString(), parameters)
                .range(0, request.fetchSize() - 1).stream().map(projection::read).toList();
        return request.page(letters, letter -> Cursor.of(letter.year(), letter.issuerUnitId(), letter.letterId()));
    }

    private static int cursorYear(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }
}
