package no.mrs.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An event as the log holds it; {@code data} is the payload's JSON without the actor. */
public record StoredEvent(long position, UUID eventId, String streamId, long streamVersion, String type,
        String subject, Instant occurredAt, String actor, JsonNode data) {
}
