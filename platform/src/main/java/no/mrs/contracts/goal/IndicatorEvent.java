package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of the indicator catalogue; stream {@code indicator:<indicatorId>}, key = indicator id. */
public sealed interface IndicatorEvent extends EventPayload permits IndicatorDefined, IndicatorRedefined,
        IndicatorPaired {

    String indicatorId();

    @Override
    default String streamId() {
        return "indicator:" + indicatorId();
    }

    @Override
    default String partitionKey() {
        return indicatorId();
    }
}
