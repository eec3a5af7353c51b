package no.mrs.goal.unit;

import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A unit as its events made it: the parent is dated, so history survives a reorganisation. */
public record UnitState(String unitId, String name, UnitLevel level, List<ParentSpell> parents, long version) {

    /** The unit belonged to {@code parentId} from {@code from} on (null: from the beginning). */
    public record ParentSpell(String parentId, YearMonth from) {
    }

    public static final UnitState NONE = new UnitState(null, null, null, List.of(), 0);

    public boolean exists() {
        return unitId != null;
    }

    public String currentParentId() {
        return parents.isEmpty() ? null : parents.get(parents.size() - 1).parentId();
    }

    /** The parent valid in a month. */
    public String parentIn(YearMonth month) {
        String parent = null;
        for (ParentSpell spell : parents) {
            if (spell.from() == null || !spell.from().isAfter(month)) {
                parent = spell.parentId();
            }
        }
        return parent;
    }

    public static UnitState evolve(UnitState state, UnitEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and UnitStateTest feeds every permitted type
        if (event instanceof UnitRegistered r) {
            return new UnitState(r.unitId(), r.name(), r.level(),
                    r.parentId() == null ? List.of() : List.of(new ParentSpell(r.parentId(), null)), state.version + 1);
        }
        if (event instanceof UnitRenamed r) {
            return new UnitState(state.unitId, r.name(), state.level, state.parents, state.version + 1);
        }
        if (event instanceof UnitMoved m) {
            List<ParentSpell> parents = new ArrayList<>();
            for (ParentSpell spell : state.parents) {
                if (spell.from() == null || spell.from().isBefore(m.effectiveFrom())) {
                    parents.add(spell);
                }
            }
            parents.add(new ParentSpell(m.newParentId(), m.effectiveFrom()));
            return new UnitState(state.unitId, state.name, state.level, List.copyOf(parents), state.version + 1);
        }
        throw new IllegalArgumentException("Unhandled unit event " + event.getClass().getName());
    }

    public static UnitState replay(List<UnitEvent> events) {
        UnitState state = NONE;
        for (UnitEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
