package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

/** The indicator's description changed; the full new definition. The measure never changes. */
@EventType(name = "no.mrs.goal.IndicatorRedefined", version = 1)
public record IndicatorRedefined(String indicatorId, String name, Perspective perspective, Measure measure,
        Direction direction, String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId)
        implements IndicatorEvent {
}
