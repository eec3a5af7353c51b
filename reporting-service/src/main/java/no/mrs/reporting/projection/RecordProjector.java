package no.mrs.reporting.projection;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import no.mrs.platform.events.CloudEvent;
import no.mrs.platform.events.EventReader;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies Kafka records to a read model exactly once: a record below the partition's applied offset was seen
 * before (a redelivered batch), an event whose stream version is not above the applied one is a duplicate (the
 * same event published twice). Unknown event types and unreadable records are logged and passed over, never
 * dropped silently.
 */
@Singleton
public class RecordProjector {

    private static final Logger LOG = Logger.getLogger(RecordProjector.class);

    @Inject
    EventReader reader;

    /** What happened to a record. */
    public enum Outcome {
        APPLIED, DUPLICATE, REDELIVERED, UNKNOWN_TYPE, UNREADABLE
    }

    /** A record's value read into an event, or why it could not be: pure, so records can be read in parallel. */
    public static final class Parsed {
        private final EventReader.Received received;
        private final IllegalArgumentException unreadable;

        private Parsed(EventReader.Received received, IllegalArgumentException unreadable) {
            this.received = received;
            this.unreadable = unreadable;
        }
    }

    /** Reads a record's value; safe to call from any thread, before {@link #apply(ReadModel, ConsumerRecord, Parsed)}. */
    public Parsed parse(ConsumerRecord<?, ?> record) {
        Object value = record.value();
        try {
            if (value instanceof byte[] bytes) {
                try {
                    return new Parsed(reader.read(bytes), null);
                } catch (IllegalArgumentException e) {
                    // what is not valid UTF-8 is read as a string decoding it would read (as the live consumer does)
                    return new Parsed(reader.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)), null);
                }
            }
            return new Parsed(reader.read((String) value), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, e);
        }
    }

    /** Reads a batch of records, in parallel when it is big enough to pay for it; in the batch's order. */
    public List<Parsed> parseAll(List<? extends ConsumerRecord<?, ?>> records) {
        return (records.size() < 64 ? records.stream() : records.parallelStream()).map(this::parse)
                .collect(Collectors.toList());
    }

    /** Applies a record, read beforehand with {@link #parse} (or {@link #parseAll}). */
    public Outcome apply(ReadModel model, ConsumerRecord<?, ?> record, Parsed parsed) {
        PartitionId partition = new PartitionId(record.topic(), record.partition());
        Position position = model.position(partition).orElse(null);
        if (position != null && record.offset() < position.nextOffset()) {
            return Outcome.REDELIVERED;
        }
        Outcome outcome;
        Instant eventTime = position == null ? null : position.eventTime();
        try {
            if (parsed.unreadable != null) {
                throw parsed.unreadable;
            }
            EventReader.Received received = parsed.received;
            CloudEvent envelope = received.envelope();
            eventTime = envelope.time() != null ? envelope.time() : eventTime;
            // an event without the stream extensions is its own stream of one
            String stream = envelope.streamId() != null ? envelope.streamId() : "event:" + envelope.id();
            long version = envelope.streamVersion() != null ? envelope.streamVersion() : 1L;
            if (version <= model.streamVersion(stream)) {
                LOG.debugf("Skipping duplicate event %s (%s version %d)", envelope.id(), stream, version);
                outcome = Outcome.DUPLICATE;
            } else {
                if (received.payload().isPresent()) {
                    EventProjector.apply(model, received.payload().get(), envelope.time(), received.actor());
                    outcome = Outcome.APPLIED;
                } else {
                    LOG.warnf("Skipping event %s of unknown type %s (%s at offset %d)", envelope.id(), envelope.type(),
                            partition, record.offset());
                    outcome = Outcome.UNKNOWN_TYPE;
                }
                model.streamApplied(stream, version);
            }
        } catch (IllegalArgumentException e) {
            LOG.errorf("Skipping unreadable record at %s offset %d: %s", partition, record.offset(), e.getMessage());
            outcome = Outcome.UNREADABLE;
        }
        model.partitionApplied(partition, new Position(record.offset() + 1, eventTime, Instant.now()));
        return outcome;
    }
}
