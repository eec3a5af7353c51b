package no.mrs.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads CloudEvents from Kafka records into contract records. Unknown fields are tolerated (a producer may add
 * optional fields within a version); an unknown type yields an empty payload that the consumer must log.
 */
@ApplicationScoped
public class EventReader {

    @Inject
    ObjectMapper mapper;

    private ObjectReader reader;

    /** A received event: the envelope, and the payload when its type is known. */
    public record Received(CloudEvent envelope, Optional<EventPayload> payload) {
        public UUID id() {
            return UUID.fromString(envelope.id());
        }

        public String actor() {
            return envelope.data() != null && envelope.data().hasNonNull("actor")
                    ? envelope.data().get("actor").asText() : null;
        }
    }

    @PostConstruct
    void init() {
        reader = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Received read(String value) {
        try {
            CloudEvent envelope = reader.forType(CloudEvent.class).readValue(value);
            if (envelope.id() == null || envelope.type() == null) {
                throw new IllegalArgumentException("Not a CloudEvent: id or type missing");
            }
            Optional<EventPayload> payload = EventContracts.classOf(envelope.type()).map(type -> {
                try {
                    return reader.forType(type).readValue(envelope.data());
                } catch (IOException e) {
                    throw new IllegalArgumentException("Event " + envelope.id() + " does not match " + type, e);
                }
            });
            return new Received(envelope, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
