package no.mrs.goal.goal;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.GoalEvent;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.goal.budget.GoalBudgetConfig;
import no.mrs.goal.budget.GoalBudgetRow;
import no.mrs.goal.indicator.IndicatorService;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.unit.UnitService;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.events.StoredEvent;
import no.mrs.platform.problem.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sets, revises and retires goals; answers which goals are in force where, and how each came to be. */
@ApplicationScoped
public class GoalService {

    /** The advisory lock class under which goal-setting in a year is serialized (budget and placement checks). */
    private static final int LOCK_CLASS = 0x6d7267;

    @Inject
    EventStore store;

    @Inject
    GoalProjection projection;

    @Inject
    UnitService units;

    @Inject
    IndicatorService indicators;

    @Inject
    GoalBudgetConfig budgetConfig;

    /** One entry of a goal's history: who changed what, when and why. */
    public record HistoryEntry(String type, long version, java.time.Instant at, String by, String reason,
            java.math.BigDecimal target, java.math.BigDecimal previousTarget, String rationale, String letterId,
            String proposalId, String effectiveFrom) {
    }

    @Transactional
    public GoalState setLocal(GoalDecider.SetLocalGoal command, String actor) {
        GoalSet set = GoalDecider.decide(command, lockedContext(command.year()));
        record(actor, List.of(set));
        return GoalState.of(set);
    }

    @Transactional
    public GoalState revise(GoalDecider.ReviseGoal command, String actor) {
        GoalState state = load(command.goalId());
        IndicatorState indicator = state.exists() ? indicators.find(state.indicatorId()).orElseThrow() : null;
        return append(state, GoalDecider.decide(command, state, indicator), actor);
    }

    @Transactional
    public GoalState retire(GoalDecider.RetireGoal command, String actor) {
        GoalState state = load(command.goalId());
        return append(state, GoalDecider.decide(command, state), actor);
    }

    /** Appends new goals (each a stream of its own) in the caller's transaction, and projects them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, List<GoalSet> goals) {
        List<EventStore.Append> appends = new ArrayList<>();
        for (GoalSet set : goals) {
            appends.add(new EventStore.Append(set.streamId(), 0, List.of(set)));
        }
        store.append(actor, appends);
        goals.forEach(set -> projection.apply(GoalState.of(set)));
    }

    private GoalState append(GoalState state, GoalEvent event, String actor) {
        store.append(event.streamId(), state.version(), actor, event);
        GoalState next = GoalState.evolve(state, event);
        projection.apply(next);
        return next;
    }

    /**
     * The year's context, taken under a transaction-scoped lock so that two commands cannot both pass the budget
     * check on the same year and together break it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GoalContext lockedContext(int year) {
        GoalRules.checkYear("year", year);
        Panache.getEntityManager()
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, LOCK_CLASS).setParameter(2, year).getSingleResult();
        return context(year);
    }

    public GoalContext context(int year) {
        return new GoalContext(year, units.chart(), indicators.catalogue(), GoalRow.activeIn(year),
                GoalBudgetRow.of(year), budgetConfig.defaultMaxSteeringGoals());
    }

    public GoalState load(String goalId) {
        return GoalState.replay(store.load("goal:" + goalId, GoalEvent.class));
    }

    public Optional<GoalState> find(String goalId) {
        return GoalRow.<GoalRow>findByIdOptional(goalId).map(GoalRow::toState);
    }

    public List<GoalState> inForce(String unitId, int year) {
        GoalRules.checkYear("year", year);
        GoalContext context = context(year);
        if (!context.org().exists(unitId)) {
            throw Rejection.notFound("Unit " + unitId + " does not exist");
        }
        return context.inForce(unitId);
    }

    public Optional<List<HistoryEntry>> history(String goalId) {
        List<StoredEvent> events = store.read("goal:" + goalId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (StoredEvent stored : events) {
            GoalEvent event = (GoalEvent) store.payloadOf(stored).orElseThrow();
            String type = event.getClass().getSimpleName();
            if (event instanceof GoalSet s) {
                history.add(new HistoryEntry(type, stored.streamVersion(), stored.occurredAt(), stored.actor(),
                        s.rationale(), s.target(), null, s.rationale(), s.letterId(), s.proposalId(), null));
            } else if (event instanceof no.mrs.contracts.goal.GoalRevised r) {
                // version 1 took effect from the month it was made (Norwegian time)
                history.add(new HistoryEntry(type, stored.streamVersion(), stored.occurredAt(), stored.actor(),
                        r.reason(), r.target(), r.previousTarget(), null, null, null,
                        java.time.YearMonth.from(stored.occurredAt().atZone(GoalDecider.NORWAY)).toString()));
            } else if (event instanceof no.mrs.contracts.goal.GoalRevisedV2 r) {
                history.add(new HistoryEntry("GoalRevised", stored.streamVersion(), stored.occurredAt(), stored.actor(),
                        r.reason(), r.target(), r.previousTarget(), null, null, null, r.effectiveFrom().toString()));
            } else if (event instanceof no.mrs.contracts.goal.GoalRetired r) {
                history.add(new HistoryEntry(type, stored.streamVersion(), stored.occurredAt(), stored.actor(),
                        r.reason(), null, null, null, null, null, null));
            } else {
                throw new IllegalArgumentException("Unhandled goal event " + event.getClass().getName());
            }
        }
        return Optional.of(history);
    }
}
