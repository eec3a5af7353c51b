package no.mrs.result.catalogue;

import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitLevel;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the organisation and the indicators, taken for each batch (kept between batches while the catalogue
 * does not change, see {@link CatalogueStore#snapshot()}) so that judging 10,000 items asks the database nothing more.
 */
public record Catalogue(Map<String, Unit> units, Map<String, Indicator> indicators) {

    private static final int MAX_DEPTH = 16;

    public Catalogue {
        units = Map.copyOf(units);
        indicators = Map.copyOf(indicators);
    }

    /** A unit with its current parent and its dated parents (oldest first). */
    public record Unit(String unitId, UnitLevel level, String parentId, List<Spell> spells) {
        public Unit {
            spells = List.copyOf(spells);
        }

        /** The parent valid in a month. */
        public String parentIn(YearMonth month) {
            String parent = null;
            for (Spell spell : spells) {
                if (spell.from() == null || !spell.from().isAfter(month)) {
                    parent = spell.parentId();
                }
            }
            return parent;
        }
    }

    /** The unit belonged to {@code parentId} from {@code from} on (null: from the beginning). */
    public record Spell(String parentId, YearMonth from) {
    }

    /** {@code ownerUnitId} is set for a local indicator; the scale only for SCORE. */
    public record Indicator(String indicatorId, Measure measure, BigDecimal scaleMin, BigDecimal scaleMax,
            String ownerUnitId) {
    }

    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return Optional.ofNullable(indicators.get(indicatorId));
    }

    /** Whether one of {@code scope} is the unit or one of its current ancestors (as a token's units claim). */
    public boolean covers(Set<String> scope, String unitId) {
        String current = unitId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (scope.contains(current)) {
                return true;
            }
            Unit unit = units.get(current);
            current = unit == null ? null : unit.parentId();
        }
        return false;
    }

    /**
     * Whether the unit lay in the ancestor's subtree in that month: a local indicator applies to its owner's
     * subtree as it was when the result was achieved, so a later move does not invalidate old figures.
     */
    public boolean within(String ancestorId, String unitId, YearMonth month) {
        String current = unitId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(ancestorId)) {
                return true;
            }
            Unit unit = units.get(current);
            current = unit == null ? null : unit.parentIn(month);
        }
        return false;
    }
}
