package no.mrs.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's CloudEvent JSON: the same document as the envelope record with the data read into a tree. */
class CloudEventJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant TIME = Instant.parse("2026-12-06T19:41:02.123456Z");

    @Test
    void splicesTheStoredDataAndTheActor() throws Exception {
        // as PostgreSQL prints a jsonb value: spaces after colons and commas, decimals as stored
        String data = "{\"unitId\": \"6001\", \"value\": 100.50, \"numerator\": 0.1234567890123456789, \"comment\": "
                + "\"«sitat» \\\"x\\\"\", \"outlier\": {\"low\": 1.0}}";
        String json = OutboxRelay.cloudEventJson(mapper, "e1", "urn:mrs:result-service", "no.mrs.result.ResultRecorded.v1",
                "6001", TIME, "result:6001/K1/2026-11", 3, "ola \"nordmann\" æøå", data);
        assertSameAsTheTreePath(json, "e1", "6001", "ola \"nordmann\" æøå", data);
        JsonNode read = exact().readTree(json);
        // exactly as stored: a tree of doubles would have made these 100.5 and 0.12345678901234568
        assertTrue(json.contains("\"value\": 100.50,") && json.contains("\"numerator\": 0.1234567890123456789,"), json);
        assertEquals(3, read.path("streamversion").asLong());
        assertEquals(TIME, Instant.parse(read.path("time").asText()));
    }

    @Test
    void anEmptyObjectANullActorAndNoSubject() throws Exception {
        String json = OutboxRelay.cloudEventJson(mapper, "e2", "s", "t.v1", null, TIME, "stream", 1, null, "{ }");
        assertSameAsTheTreePath(json, "e2", null, null, "{ }");
        assertTrue(exact().readTree(json).path("data").has("actor"));
    }

    @Test
    void dataThatNamesAnActorHasItReplaced() throws Exception {
        String data = "{\"actor\": \"someone else\", \"x\": 1}";
        String json = OutboxRelay.cloudEventJson(mapper, "e3", "s", "t.v1", "sub", TIME, "stream", 2, "me", data);
        assertEquals("me", exact().readTree(json).path("data").path("actor").asText());
        assertEquals(1, exact().readTree(json).path("data").size() - 1);
    }

    private void assertSameAsTheTreePath(String json, String id, String subject, String actor, String data)
            throws Exception {
        ObjectNode tree = (ObjectNode) exact().readTree(data);
        tree.put("actor", actor);
        String expected = mapper.writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, id,
                exact().readTree(json).path("source").asText(), exact().readTree(json).path("type").asText(), subject,
                TIME, "application/json", CloudEvent.SCHEMA_PREFIX + exact().readTree(json).path("type").asText(),
                exact().readTree(json).path("streamid").asText(), exact().readTree(json).path("streamversion").asLong(),
                tree));
        JsonNode want = exact().readTree(expected);
        JsonNode got = exact().readTree(json);
        // numbers by value: the tree path wrote 1.0 as 1, the splice keeps what was stored
        assertTrue(want.equals((a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1, got), () -> want + "\n" + got);
    }

    private ObjectMapper exact() {
        return mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
