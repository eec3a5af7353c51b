package no.mrs.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast path reads what Jackson reads, and leaves everything else to it. */
class IsoInstantsTest {

    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper FAST = STANDARD.copy().registerModule(IsoInstants.module());

    @Test
    void theProducersFormIsReadAsJacksonReadsIt() throws Exception {
        for (String text : new String[] { "2026-12-06T10:15:30Z", "2026-12-06T10:15:30.1Z", "2026-12-06T10:15:30.123Z",
                "2026-12-06T10:15:30.123456Z", "2026-12-06T10:15:30.123456789Z", "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z" }) {
            Instant expected = Instant.parse(text);
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
            assertThat(FAST.readValue("\"" + text + "\"", Instant.class)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void anythingElseGoesToJackson() throws Exception {
        for (String text : new String[] { "2026-12-06T10:15:30+01:00", "2026-12-06T10:15:30.5+01:00",
                "2026-12-06t10:15:30z", "2026-12-06T10:15:30.Z", "2026-12-06T10:15:30.1234567890Z",
                "2026-02-30T10:15:30Z", "2026-13-06T10:15:30Z", "2026-12-06T24:00:00Z", "2026-12-06T10:60:30Z",
                "2026-12-06T10:15:60Z", "+12026-12-06T10:15:30Z", "2026-12-06 10:15:30Z", "2026-12-0610:15:30Z", "" }) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
            String json = "\"" + text + "\"";
            Object standard;
            try {
                standard = STANDARD.readValue(json, Instant.class);
            } catch (Exception e) {
                standard = e.getClass();
            }
            if (standard instanceof Class<?> failure) {
                assertThatThrownBy(() -> FAST.readValue(json, Instant.class)).as(text).isInstanceOf(failure);
            } else {
                assertThat(FAST.readValue(json, Instant.class)).as(text).isEqualTo(standard);
            }
        }
        assertThat(FAST.readValue("1700000000.5", Instant.class)).isEqualTo(STANDARD.readValue("1700000000.5",
                Instant.class));
        assertThat(FAST.readValue("null", Instant.class)).isNull();
    }
}
