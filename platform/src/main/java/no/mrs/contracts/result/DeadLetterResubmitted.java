package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

/**
 * A dead-lettered Kafka submission was judged again after its cause was fixed, and its result is stored:
 * {@code outcome} ACCEPTED (a new result or version, published as its own ResultRecorded/ResultCorrected in the same
 * transaction) or DUPLICATE (the same result was already stored).
 */
@EventType(name = "no.mrs.result.DeadLetterResubmitted", version = 1)
public record DeadLetterResubmitted(String topic, int partition, long offset, String systemId, String unitId,
        String reason, Outcome outcome) implements DeadLetterEvent {

    public enum Outcome { ACCEPTED, DUPLICATE }
}
