package no.mrs.reporting.figures;

import no.mrs.contracts.goal.UnitLevel;
import no.mrs.reporting.model.ModelView;
import no.mrs.reporting.model.Unit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dated hierarchy: who belonged to whom in a given month (the model keeps what it works out). */
public final class Hierarchy {

    private static final int MAX_DEPTH = 16;

    private final ModelView model;

    public Hierarchy(ModelView model) {
        this.model = model;
    }

    /** The unit and its ancestors in that month, nearest first. */
    public List<String> chain(String unitId, YearMonth month) {
        List<String> chain = new ArrayList<>();
        String current = unitId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            chain.add(current);
            String id = current;
            current = model.unit(id).map(u -> u.parentAt(month)).orElse(null);
        }
        return chain;
    }

    /** The offices that belonged to the unit (or are the unit) in that month. */
    public Set<String> officesUnder(String unitId, YearMonth month) {
        return model.officesUnder(month, this::officesByAncestor).getOrDefault(unitId, Set.of());
    }

    /** The units whose parent was {@code unitId} in that month. */
    public List<Unit> childrenOf(String unitId, YearMonth month) {
        List<Unit> children = new ArrayList<>();
        for (Unit unit : model.units()) {
            if (unitId.equals(unit.parentAt(month))) {
                children.add(unit);
            }
        }
        children.sort(java.util.Comparator.comparing(Unit::unitId));
        return children;
    }

    private Map<String, Set<String>> officesByAncestor(YearMonth month) {
        Map<String, Set<String>> byAncestor = new HashMap<>();
        for (Unit unit : model.units()) {
            if (unit.level() == UnitLevel.OFFICE) {
                for (String ancestor : chain(unit.unitId(), month)) {
                    byAncestor.computeIfAbsent(ancestor, a -> new HashSet<>()).add(unit.unitId());
                }
            }
        }
        return byAncestor;
    }
}
