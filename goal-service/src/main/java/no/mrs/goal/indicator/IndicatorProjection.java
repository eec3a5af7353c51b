package no.mrs.goal.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import no.mrs.contracts.goal.IndicatorEvent;

/** Keeps the indicator table in step with the indicator events, in the transaction that appends them. */
@ApplicationScoped
public class IndicatorProjection {

    public void apply(IndicatorState state) {
        IndicatorRow row = IndicatorRow.findById(state.indicatorId());
        if (row == null) {
            row = new IndicatorRow();
            row.indicatorId = state.indicatorId();
            fill(row, state);
            row.persist();
        } else {
            fill(row, state);
        }
    }

    /** The row is the state after the event. */
    public void apply(IndicatorState before, IndicatorEvent event) {
        apply(IndicatorState.evolve(before, event));
    }

    private static void fill(IndicatorRow row, IndicatorState s) {
        row.name = s.name();
        row.perspective = s.perspective();
        row.measure = s.measure();
        row.direction = s.direction();
        row.description = s.description();
        row.scaleMin = s.scaleMin();
        row.scaleMax = s.scaleMax();
        row.ownerUnitId = s.ownerUnitId();
        row.pairedOutcome = s.pairedOutcome();
        row.version = s.version();
    }
}
