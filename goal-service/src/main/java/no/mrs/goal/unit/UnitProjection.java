package no.mrs.goal.unit;

import jakarta.enterprise.context.ApplicationScoped;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;

/** Keeps the unit tables in step with the unit events, in the transaction that appends them. */
@ApplicationScoped
public class UnitProjection {

    public void apply(UnitEvent event, long version) {
        if (event instanceof UnitRegistered r) {
            UnitRow row = new UnitRow();
            row.unitId = r.unitId();
            row.name = r.name();
            row.level = r.level();
            row.parentId = r.parentId();
            row.version = version;
            row.persist();
            if (r.parentId() != null) {
                spell(r.unitId(), r.parentId(), null);
            }
        } else if (event instanceof UnitRenamed r) {
            UnitRow row = UnitRow.findById(r.unitId());
            row.name = r.name();
            row.version = version;
        } else if (event instanceof UnitMoved m) {
            UnitRow row = UnitRow.findById(m.unitId());
            row.parentId = m.newParentId();
            row.version = version;
            UnitParentRow.delete("unitId = ?1 and validFrom >= ?2", m.unitId(), m.effectiveFrom().toString());
            spell(m.unitId(), m.newParentId(), m.effectiveFrom().toString());
        } else {
            throw new IllegalArgumentException("Unhandled unit event " + event.getClass().getName());
        }
    }

    private static void spell(String unitId, String parentId, String validFrom) {
        UnitParentRow spell = new UnitParentRow();
        spell.unitId = unitId;
        spell.parentId = parentId;
        spell.validFrom = validFrom;
        spell.persist();
    }
}
