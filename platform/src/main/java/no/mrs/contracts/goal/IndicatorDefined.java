package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;

/**
 * An indicator entered the catalogue. {@code ownerUnitId} is set for a local indicator (usable only in that unit's
 * subtree); {@code scaleMin}/{@code scaleMax} only for SCORE.
 */
@EventType(name = "no.mrs.goal.IndicatorDefined", version = 1)
public record IndicatorDefined(String indicatorId, String name, Perspective perspective, Measure measure,
        Direction direction, String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId)
        implements IndicatorEvent {
}
