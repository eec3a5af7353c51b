package no.mrs.contracts;

/**
 * The data of an event MRS publishes. Every implementation is a record annotated with {@link EventType}, listed in
 * {@link EventContracts}, and described by a JSON Schema at {@code events/schemas/<type>.json}.
 */
public interface EventPayload {

    /** The id of the stream (aggregate) the event belongs to, e.g. {@code goal:<uuid>}. */
    String streamId();

    /** The Kafka record key: events with the same key stay in order. */
    String partitionKey();

    /** The CloudEvents subject. */
    default String subject() {
        return streamId();
    }
}
