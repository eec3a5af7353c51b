package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.time.YearMonth;

/** From {@code effectiveFrom} on the unit belongs to {@code newParentId}; earlier months keep the old parent. */
@EventType(name = "no.mrs.goal.UnitMoved", version = 1)
public record UnitMoved(String unitId, String previousParentId, String newParentId, YearMonth effectiveFrom)
        implements UnitEvent {
}
