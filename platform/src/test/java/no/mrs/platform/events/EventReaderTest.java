package no.mrs.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.result.ResultRecorded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming reader gives what binding through a tree gave, in any attribute order, decimals exactly. */
class EventReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // as Quarkus configures its mapper
    private final EventReader reader = new EventReader(MAPPER);

    private static final String DATA = """
            {"measurementId":"m-1","unitId":"0314","indicatorId":"B.15","period":"2021-06",
             "numerator":NUMERATOR,"denominator":DENOMINATOR,"value":null,"comment":"æøå \\"sitat\\"",
             "receivedAt":"2026-12-06T10:15:30.123456Z","actor":"oslo-reporter","later":{"added":[1,2,{"x":true}]}}""";

    private static String event(String order) {
        return event(order, "77.5", "100.5");
    }

    private static String event(String order, String numerator, String denominator) {
        String type = "\"type\":\"no.mrs.result.ResultRecorded.v1\"";
        String data = "\"data\":" + DATA.replace("NUMERATOR", numerator).replace("DENOMINATOR", denominator);
        String rest = "\"specversion\":\"1.0\",\"id\":\"6f1c1f64-8a4e-4f43-9d3e-2a6b2f0c9a11\",\"source\":\"/result-service\","
                + "\"subject\":\"0314\",\"time\":\"2026-12-06T10:15:31.5+01:00\",\"datacontenttype\":\"application/json\","
                + "\"streamid\":\"result:0314/B.15/2021-06\",\"streamversion\":3,\"unknownextension\":[{\"a\":1}]";
        return order.equals("data-first") ? "{" + data + "," + rest + "," + type + "}" : "{" + type + "," + rest + "," + data + "}";
    }

    /** What the reader did before it streamed: the envelope to a tree, the data bound from it. */
    private static EventReader.Received throughTree(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);
        CloudEvent envelope = MAPPER.treeToValue(tree, CloudEvent.class);
        Optional<EventPayload> payload = EventContracts.classOf(envelope.type()).map(type -> {
            try {
                return MAPPER.readerFor(type).readValue(MAPPER.writeValueAsString(envelope.data()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new EventReader.Received(new CloudEvent(envelope.specVersion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.dataContentType(), envelope.dataSchema(),
                envelope.streamId(), envelope.streamVersion(), null), payload,
                envelope.data().get("actor").asText());
    }

    @Test
    void anEventReadsTheSameInAnyAttributeOrderAsThroughATreeWithItsDecimalsExact() throws Exception {
        for (String order : new String[] { "type-first", "data-first" }) {
            assertThat(reader.read(event(order))).isEqualTo(throughTree(event("type-first")));
            // more digits than a double holds, and a trailing zero (the tree lost both): exact, as written
            EventReader.Received received = reader.read(event(order, "12345678901234567890.123456789", "100.50"));
            assertThat(received.actor()).isEqualTo("oslo-reporter");
            assertThat(received.envelope().streamVersion()).isEqualTo(3L);
            assertThat(received.envelope().time()).isEqualTo(Instant.parse("2026-12-06T09:15:31.5Z"));
            ResultRecorded recorded = (ResultRecorded) received.payload().orElseThrow();
            assertThat(recorded.numerator()).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
            assertThat(recorded.denominator()).isEqualTo(new BigDecimal("100.50"));
            assertThat(recorded.period()).isEqualTo(YearMonth.of(2021, 6));
            assertThat(recorded.comment()).isEqualTo("æøå \"sitat\"");
        }
    }

    @Test
    void anUnknownTypeHasNoPayloadAndAnEventWithoutActorNone() {
        String unknown = "{\"specversion\":\"1.0\",\"id\":\"6f1c1f64-8a4e-4f43-9d3e-2a6b2f0c9a12\",\"type\":\"no.mrs.future.Thing.v9\","
                + "\"data\":{\"whatever\":[1,{\"nested\":null}]}}";
        assertThat(reader.read(unknown).payload()).isEmpty();
        assertThat(reader.read(unknown).actor()).isNull();
        String unit = "{\"id\":\"6f1c1f64-8a4e-4f43-9d3e-2a6b2f0c9a13\",\"type\":\"no.mrs.goal.UnitRegistered.v1\","
                + "\"data\":{\"unitId\":\"0314\",\"name\":\"Nav Sagene\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}}";
        EventReader.Received received = reader.read(unit);
        assertThat(received.payload()).contains(new UnitRegistered("0314", "Nav Sagene",
                no.mrs.contracts.goal.UnitLevel.OFFICE, "0300"));
        assertThat(received.actor()).isNull();
        assertThat(received.envelope().time()).isNull();
    }

    @Test
    void whatIsNotACloudEventOfAKnownShapeIsRefusedAsUnreadable() {
        for (String bad : new String[] { "", "[]", "42", "{", "{\"id\":\"x\"}", "{\"type\":\"t\"}",
                "{\"id\":{\"a\":1},\"type\":\"t\"}", "{\"id\":\"x\",\"type\":\"no.mrs.goal.UnitRegistered.v1\"}",
                "{\"id\":\"x\",\"type\":\"no.mrs.goal.UnitRegistered.v1\",\"data\":{\"level\":\"NO_SUCH_LEVEL\"}}",
                "{\"id\":\"x\",\"type\":\"no.mrs.goal.UnitRegistered.v1\",\"data\":[1,2]}",
                "{\"id\":\"x\",\"type\":\"t\",\"streamversion\":\"many\"}", "{\"id\":\"x\",\"type\":\"t\",\"time\":\"noon\"}" }) {
            assertThatThrownBy(() -> reader.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
