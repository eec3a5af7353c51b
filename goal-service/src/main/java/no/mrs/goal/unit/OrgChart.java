package no.mrs.goal.unit;

import no.mrs.contracts.goal.UnitLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The organisation as it stands now (current parents): what goal rules need to walk up and down the tree. */
public record OrgChart(Map<String, String> parents, Map<String, UnitLevel> levels) {

    private static final int MAX_DEPTH = 16;

    public OrgChart {
        parents = Map.copyOf(parents);
        levels = Map.copyOf(levels);
    }

    public boolean exists(String unitId) {
        return unitId != null && levels.containsKey(unitId);
    }

    public Optional<UnitLevel> levelOf(String unitId) {
        return Optional.ofNullable(unitId == null ? null : levels.get(unitId));
    }

    /** The unit's ancestors, nearest first. */
    public List<String> ancestorsOf(String unitId) {
        List<String> ancestors = new ArrayList<>();
        String current = parents.get(unitId);
        while (current != null && ancestors.size() < MAX_DEPTH) {
            ancestors.add(current);
            current = parents.get(current);
        }
        return ancestors;
    }

    /** The unit and its ancestors, from the top down to the unit. */
    public List<String> chainTo(String unitId) {
        List<String> chain = new ArrayList<>(ancestorsOf(unitId));
        java.util.Collections.reverse(chain);
        chain.add(unitId);
        return chain;
    }

    /** True when {@code unitId} is {@code ancestorId} or lies below it. */
    public boolean within(String unitId, String ancestorId) {
        return unitId.equals(ancestorId) || ancestorsOf(unitId).contains(ancestorId);
    }

    /** The unit and everything below it. */
    public List<String> subtreeOf(String unitId) {
        List<String> subtree = new ArrayList<>();
        for (String candidate : levels.keySet()) {
            if (within(candidate, unitId)) {
                subtree.add(candidate);
            }
        }
        subtree.sort(null);
        return subtree;
    }
}
