package no.mrs.goal.indicator;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.goal.unit.UnitService;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Defines indicators and answers questions about the catalogue. */
@ApplicationScoped
public class IndicatorService {

    @Inject
    EventStore store;

    @Inject
    IndicatorProjection projection;

    @Inject
    UnitService units;

    public record PutResult(boolean created, IndicatorState indicator) {
    }

    @Transactional
    public PutResult put(IndicatorDecider.DefineIndicator command, String actor) {
        IndicatorState state = load(command.indicatorId());
        List<IndicatorEvent> events = IndicatorDecider.decide(command, state, units.chart());
        return new PutResult(!state.exists(), append(command.indicatorId(), state, events, actor));
    }

    /** Pairs the indicator with its outcome, or removes the pairing; nothing is written when nothing changes. */
    @Transactional
    public IndicatorState pair(IndicatorDecider.PairIndicator command, String actor) {
        IndicatorState state = load(command.indicatorId());
        List<IndicatorEvent> events = IndicatorDecider.decide(command, state,
                id -> IndicatorRow.findByIdOptional(id).isPresent());
        return append(command.indicatorId(), state, events, actor);
    }

    /** Appends the decided events to the indicator's stream and applies them to its row; none: nothing written. */
    private IndicatorState append(String indicatorId, IndicatorState state, List<IndicatorEvent> events, String actor) {
        IndicatorState next = state;
        if (!events.isEmpty()) {
            store.append("indicator:" + indicatorId, state.version(), actor, events.toArray(IndicatorEvent[]::new));
            for (IndicatorEvent event : events) {
                projection.apply(next, event);
                next = IndicatorState.evolve(next, event);
            }
        }
        return next;
    }

    public IndicatorState load(String indicatorId) {
        return IndicatorState.replay(store.load("indicator:" + indicatorId, IndicatorEvent.class));
    }

    public Optional<IndicatorState> find(String indicatorId) {
        return IndicatorRow.<IndicatorRow>findByIdOptional(indicatorId).map(IndicatorRow::toState);
    }

    public List<IndicatorState> all() {
        return IndicatorRow.<IndicatorRow>listAll(Sort.by("indicatorId")).stream().map(IndicatorRow::toState).toList();
    }

    /** A page of the catalogue in id order. */
    public Page<IndicatorState> page(PageRequest request) {
        List<String> after = request.afterKey(1);
        return request.page((after == null ? IndicatorRow.<IndicatorRow>findAll(Sort.by("indicatorId"))
                : IndicatorRow.<IndicatorRow>find("indicatorId > ?1", Sort.by("indicatorId"), after.get(0)))
                .range(0, request.fetchSize() - 1).stream().map(IndicatorRow::toState).toList(),
                indicator -> Cursor.of(indicator.indicatorId()));
    }

    /** The whole catalogue by id, for the goal rules. */
    public Map<String, IndicatorState> catalogue() {
        Map<String, IndicatorState> catalogue = new HashMap<>();
        all().forEach(i -> catalogue.put(i.indicatorId(), i));
        return catalogue;
    }
}
