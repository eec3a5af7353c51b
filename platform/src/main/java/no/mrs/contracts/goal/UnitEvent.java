package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of a unit of the organisation; stream {@code unit:<unitId>}, key = unit id. */
public sealed interface UnitEvent extends EventPayload permits UnitRegistered, UnitRenamed, UnitMoved {

    String unitId();

    @Override
    default String streamId() {
        return "unit:" + unitId();
    }

    @Override
    default String partitionKey() {
        return unitId();
    }
}
