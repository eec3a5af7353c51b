package no.mrs.goal.unit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registers, renames and moves units; answers questions about the dated hierarchy. */
@ApplicationScoped
public class UnitService {

    @Inject
    EventStore store;

    @Inject
    UnitProjection projection;

    /** The outcome of a PUT: whether the unit was created, and the unit now. */
    public record PutResult(boolean created, UnitView unit) {
    }

    @Transactional
    public PutResult put(UnitDecider.PutUnit command, String actor) {
        UnitState state = load(command.unitId());
        List<UnitEvent> events = UnitDecider.decide(command, state, organisation());
        append(command.unitId(), state.version(), actor, events);
        return new PutResult(!state.exists(), view(command.unitId(), null).orElseThrow());
    }

    @Transactional
    public UnitView move(UnitDecider.MoveUnit command, String actor) {
        UnitState state = load(command.unitId());
        List<UnitEvent> events = UnitDecider.decide(command, state, organisation());
        append(command.unitId(), state.version(), actor, events);
        return view(command.unitId(), null).orElseThrow();
    }

    public UnitState load(String unitId) {
        return UnitState.replay(store.load("unit:" + unitId, UnitEvent.class));
    }

    private void append(String unitId, long version, String actor, List<UnitEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        store.append("unit:" + unitId, version, actor, events.toArray(UnitEvent[]::new));
        long next = version;
        for (UnitEvent event : events) {
            projection.apply(event, ++next);
        }
    }

    public Optional<UnitView> view(String unitId, YearMonth period) {
        UnitRow row = UnitRow.findById(unitId);
        if (row == null) {
            return Optional.empty();
        }
        Map<String, String> parents = parentsIn(period);
        String parent = period == null ? row.parentId : parents.get(unitId);
        List<String> children = new ArrayList<>();
        parents.forEach((child, p) -> {
            if (unitId.equals(p)) {
                children.add(child);
            }
        });
        children.sort(Comparator.naturalOrder());
        return Optional.of(new UnitView(row.unitId, row.name, row.level, parent, children, row.version));
    }

    /** A page of units in unit-number order, each with its parent and children in a month (null: now). */
    public Page<UnitView> page(YearMonth period, PageRequest request) {
        List<String> after = request.afterKey(1);
        List<UnitRow> rows = (after == null ? UnitRow.<UnitRow>findAll(Sort.by("unitId"))
                : UnitRow.<UnitRow>find("unitId > ?1", Sort.by("unitId"), after.get(0)))
                .range(0, request.fetchSize() - 1).list();
        Map<String, String> parents = parentsIn(period);
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((child, parent) -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child));
        List<UnitView> views = new ArrayList<>();
        for (UnitRow row : rows) {
            List<String> mine = new ArrayList<>(children.getOrDefault(row.unitId, List.of()));
            mine.sort(Comparator.naturalOrder());
            views.add(new UnitView(row.unitId, row.name, row.level, parents.get(row.unitId), mine, row.version));
        }
        return request.page(views, unit -> Cursor.of(unit.unitId()));
    }

    /** Each unit's parent in a month (null: now). */
    public Map<String, String> parentsIn(YearMonth period) {
        Map<String, String> parents = new HashMap<>();
        if (period == null) {
            for (UnitRow row : UnitRow.<UnitRow>listAll()) {
                if (row.parentId != null) {
                    parents.put(row.unitId, row.parentId);
                }
            }
            return parents;
        }
        Map<String, String> latestFrom = new HashMap<>();
        for (UnitParentRow spell : UnitParentRow.<UnitParentRow>listAll()) {
            boolean valid = spell.validFrom == null || spell.validFrom.compareTo(period.toString()) <= 0;
            String from = spell.validFrom == null ? "" : spell.validFrom;
            String latest = latestFrom.get(spell.unitId);
            if (valid && (latest == null || from.compareTo(latest) > 0)) {
                latestFrom.put(spell.unitId, from);
                parents.put(spell.unitId, spell.parentId);
            }
        }
        return parents;
    }

    /** 404 problem unless the unit exists: checked before unit scope, so an unknown unit is not a 403. */
    public void requireExisting(String unitId) {
        if (UnitRow.findById(unitId) == null) {
            throw no.mrs.platform.problem.ProblemException.notFound("Unit " + unitId + " does not exist");
        }
    }

    /** The organisation now, for the goal rules. */
    public OrgChart chart() {
        Map<String, UnitLevel> levels = new HashMap<>();
        for (UnitRow row : UnitRow.<UnitRow>listAll()) {
            levels.put(row.unitId, row.level);
        }
        return new OrgChart(parentsIn(null), levels);
    }

    UnitDecider.Organisation organisation() {
        return new UnitDecider.Organisation() {
            @Override
            public Optional<UnitLevel> levelOf(String unitId) {
                return UnitRow.<UnitRow>findByIdOptional(unitId).map(row -> row.level);
            }

            @Override
            public Optional<String> nationalUnitId() {
                return UnitRow.<UnitRow>find("level", UnitLevel.NATIONAL).firstResultOptional().map(row -> row.unitId);
            }
        };
    }
}
