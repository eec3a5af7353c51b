package no.mrs.goal.indicator;

import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator of the catalogue as its events made it. {@code ownerUnitId} is set for a local indicator;
 * {@code pairedOutcome} is the outcome indicator an activity indicator is meant to serve (set by the directorate).
 */
public record IndicatorState(String indicatorId, String name, Perspective perspective, Measure measure,
        Direction direction, String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId,
        String pairedOutcome, long version) {

    public static final IndicatorState NONE = new IndicatorState(null, null, null, null, null, null, null, null, null,
            null, 0);

    /** An indicator without a pairing. */
    public IndicatorState(String indicatorId, String name, Perspective perspective, Measure measure,
            Direction direction, String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId,
            long version) {
        this(indicatorId, name, perspective, measure, direction, description, scaleMin, scaleMax, ownerUnitId, null,
                version);
    }

    public boolean exists() {
        return indicatorId != null;
    }

    public boolean local() {
        return ownerUnitId != null;
    }

    public static IndicatorState evolve(IndicatorState state, IndicatorEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and IndicatorStateTest feeds every permitted type
        if (event instanceof IndicatorDefined d) {
            return new IndicatorState(d.indicatorId(), d.name(), d.perspective(), d.measure(), d.direction(),
                    d.description(), d.scaleMin(), d.scaleMax(), d.ownerUnitId(), state.version + 1);
        }
        if (event instanceof IndicatorRedefined d) {
            // a redefinition keeps the pairing
            return new IndicatorState(d.indicatorId(), d.name(), d.perspective(), d.measure(), d.direction(),
                    d.description(), d.scaleMin(), d.scaleMax(), d.ownerUnitId(), state.pairedOutcome, state.version + 1);
        }
        if (event instanceof IndicatorPaired p) {
            return new IndicatorState(p.indicatorId(), state.name, state.perspective, state.measure, state.direction,
                    state.description, state.scaleMin, state.scaleMax, state.ownerUnitId, p.pairedOutcome(),
                    state.version + 1);
        }
        throw new IllegalArgumentException("Unhandled indicator event " + event.getClass().getName());
    }

    public static IndicatorState replay(List<IndicatorEvent> events) {
        IndicatorState state = NONE;
        for (IndicatorEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
