package no.mrs.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as MRS puts it on Kafka. Besides the required attributes it
 * carries the extensions {@code streamid} and {@code streamversion}: the aggregate and its version, so that a
 * consumer can apply each stream in order and skip what it has seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        @JsonProperty("specversion") String specVersion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("dataschema") String dataSchema,
        @JsonProperty("streamid") String streamId,
        @JsonProperty("streamversion") Long streamVersion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SCHEMA_PREFIX = "urn:mrs:event-schema:";
}
