package no.mrs.contracts.goal;

import no.mrs.contracts.EventPayload;

/** Events of a goal letter; stream {@code letter:<letterId>}, key = issuer unit id. */
public sealed interface GoalLetterEvent extends EventPayload permits GoalLetterDrafted, GoalLetterPublished {

    String letterId();

    String issuerUnitId();

    @Override
    default String streamId() {
        return "letter:" + letterId();
    }

    @Override
    default String partitionKey() {
        return issuerUnitId();
    }
}
