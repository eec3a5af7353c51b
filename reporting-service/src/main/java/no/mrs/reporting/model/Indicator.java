package no.mrs.reporting.model;

import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;

import java.math.BigDecimal;

/** An indicator of the catalogue, as last defined. */
public record Indicator(String indicatorId, String name, Perspective perspective, Measure measure, Direction direction,
        String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId) {
}
