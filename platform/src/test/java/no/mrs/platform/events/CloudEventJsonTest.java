package no.mrs.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay's CloudEvent JSON is byte for byte the document of the {@link CloudEvent} record with the data read into
 * a tree and the actor put into it (what the relay wrote before it copied the data token by token).
 */
class CloudEventJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant TIME = Instant.parse("2026-12-06T19:41:02.123456Z");

    @Test
    void theSameBytesAsTheTree() throws Exception {
        // as PostgreSQL prints a jsonb value: spaces after colons and commas, decimals as stored
        same("e1", "6001", "ola \"nordmann\" æøå\n", "{\"unitId\": \"6001\", \"value\": 100.50, \"numerator\": "
                + "0.1234567890123456789, \"denominator\": 12, \"big\": 123456789012345678901234567890, \"comment\": "
                + "\"«sitat» \\\"x\\\" \\u0001 \uD83D\uDE00 tab\\t\", \"ok\": true, \"no\": false, \"none\": null, "
                + "\"outlier\": {\"low\": 1.0,"
                + " \"list\": [1, 2.5, {\"a\": []}, \"s\"]}, \"e\": 1e-7}");
    }

    @Test
    void anEmptyObjectANullActorAndNoSubject() throws Exception {
        same("e2", null, null, "{}");
        same("e3", null, "x", "{ }");
    }

    @Test
    void dataThatNamesAnActorHasItReplacedInPlace() throws Exception {
        same("e4", "sub", "me", "{\"actor\": \"someone else\", \"x\": 1}");
        same("e5", "sub", "me \uD83D\uDE00", "{\"actor\": \"someone else\", \"x\": \"\uD83D\uDE00\"}");
        // only a name at the top is replaced; one deeper down, or the word in a text, is data like any other
        same("e6", "sub", "me",
                "{\"x\": {\"actor\": \"nested\"}, \"y\": \"says \\\"actor\\\"\", \"z\": [{\"actor\": 1}]}");
    }

    private void same(String id, String subject, String actor, String data) throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(data);
        tree.put("actor", actor);
        String type = "no.mrs.result.ResultRecorded.v1";
        String expected = mapper.writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, id, "urn:mrs:result-service",
                type, subject, TIME, "application/json", CloudEvent.SCHEMA_PREFIX + type, "result:6001/K1/2026-11", 3L,
                tree));
        // the stored text as the server sends it (UTF-8), the document as the broker gets it
        assertEquals(expected, new String(OutboxRelay.cloudEventJson(mapper, id, "urn:mrs:result-service", type,
                subject, TIME, "result:6001/K1/2026-11", 3, actor, data.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }
}
