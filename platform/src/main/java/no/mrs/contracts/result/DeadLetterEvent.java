package no.mrs.contracts.result;

import no.mrs.contracts.EventPayload;

/**
 * What operators did with a record on {@code mrs.result-submissions.dlq}: re-submitted it or discarded it, with why
 * (the envelope says who and when). The stream is {@code dead-letter:<topic>/<partition>/<offset>}, at most one event
 * long: a record is dealt with once.
 */
public sealed interface DeadLetterEvent extends EventPayload permits DeadLetterResubmitted, DeadLetterDiscarded {

    String topic();

    int partition();

    long offset();

    @Override
    default String streamId() {
        return "dead-letter:" + topic() + "/" + partition() + "/" + offset();
    }

    @Override
    default String partitionKey() {
        return streamId();
    }
}
