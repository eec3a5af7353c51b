package no.mrs.reporting.model;

import no.mrs.contracts.goal.UnitLevel;

import java.time.YearMonth;
import java.util.List;

/** A unit of the organisation with the spells of its parents, oldest first. */
public record Unit(String unitId, String name, UnitLevel level, List<Spell> spells) {

    /** The unit belonged to {@code parentId} from {@code validFrom} on (null: from the beginning). */
    public record Spell(YearMonth validFrom, String parentId) {
    }

    public Unit {
        spells = List.copyOf(spells);
    }

    /** The parent in a month, or null (the national unit, or a month before the unit's first spell). */
    public String parentAt(YearMonth month) {
        String parent = null;
        for (Spell spell : spells) {
            if (spell.validFrom() == null || !spell.validFrom().isAfter(month)) {
                parent = spell.parentId();
            }
        }
        return parent;
    }

    /** The parent now: the last spell's. */
    public String currentParent() {
        return spells.isEmpty() ? null : spells.get(spells.size() - 1).parentId();
    }
}
