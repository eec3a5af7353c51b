package no.mrs.devstack.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench counts a published result by its marker in the record's bytes, wherever it stands. */
class PublishedCounterTest {

    private static boolean contains(String value, String marker) {
        return Bench.PublishedCounter.contains(value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheMarkerAnywhereAndOnlyWhole() {
        assertThat(contains("\"ingest/2019-12/0001/B.15\"", "\"ingest/")).isTrue();
        assertThat(contains("{\"data\":{\"measurementId\":\"ingest/x\"}}", "\"ingest/")).isTrue();
        assertThat(contains("ends with \"ingest/", "\"ingest/")).isTrue();
        assertThat(contains("\"ingest", "\"ingest/")).isFalse();
        assertThat(contains("\"fresh/2019-12\"", "\"ingest/")).isFalse();
        assertThat(contains("\"inges\"ingest/", "\"ingest/")).isTrue();
        assertThat(contains("æøå \"ingest/ å", "\"ingest/")).isTrue();
        assertThat(contains("", "\"ingest/")).isFalse();
        assertThat(contains(null, "\"ingest/")).isFalse();
    }
}
