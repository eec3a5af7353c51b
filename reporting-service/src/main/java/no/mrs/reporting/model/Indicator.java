package no.mrs.reporting.model;

import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;

import java.math.BigDecimal;

/**
 * An indicator of the catalogue, as last defined; {@code pairedOutcome} is the outcome indicator an activity
 * indicator serves (IndicatorPaired), null when it is not paired.
 */
public record Indicator(String indicatorId, String name, Perspective perspective, Measure measure, Direction direction,
        String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId, String pairedOutcome) {

    public Indicator withPairedOutcome(String outcome) {
        return new Indicator(indicatorId, name, perspective, measure, direction, description, scaleMin, scaleMax,
                ownerUnitId, outcome);
    }
}
