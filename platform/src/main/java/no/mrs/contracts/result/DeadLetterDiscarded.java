package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

/** A dead-lettered Kafka submission will not be stored: an operator decided so, for {@code reason}. */
@EventType(name = "no.mrs.result.DeadLetterDiscarded", version = 1)
public record DeadLetterDiscarded(String topic, int partition, long offset, String reason)
        implements DeadLetterEvent {
}
