package no.mrs.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.contracts.result.SubmitterKind;
import no.mrs.platform.json.StrictJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test but a measurement, run only when asked ({@code -Dtest=EventReaderSpeedBench -Dmrs.bench.reader=200000
 * -Dsurefire.failIfNoSpecifiedTests=false}): reads that many result events as the relay writes them (two in three
 * recorded, one corrected), on one thread, straight from the stream and the general way (the data buffered and
 * bound by Jackson) in turns, and prints events per second and bytes allocated per event. It asserts only that
 * both ways read the same events, never a time.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "mrs.bench.reader", matches = "[0-9]+")
class EventReaderSpeedBench {

    @Test
    void measure() throws Exception {
        int count = Integer.getInteger("mrs.bench.reader");
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        EventReader reader = new EventReader(mapper);
        List<byte[]> events = new ArrayList<>(count);
        Instant at = Instant.parse("2026-12-06T10:15:30.123456Z");
        for (int i = 0; i < count; i++) {
            String unit = String.format("%04d", 301 + i % 250);
            String indicator = "B." + (i / 250 % 16);
            YearMonth period = YearMonth.of(2024, 1).plusMonths(i / 4000 % 24);
            Object payload = i % 3 == 2
                    ? new ResultCorrected("m-" + i, unit, indicator, period, new BigDecimal("77.5"),
                            new BigDecimal("100"), null, null, at, "m-" + (i - 1), new BigDecimal("70"),
                            new BigDecimal("100"), null, "Feil i grunnlaget", SubmitterKind.SYSTEM)
                    : new ResultRecorded("m-" + i, unit, indicator, period, new BigDecimal(i % 97),
                            new BigDecimal("100"), null, "Kommentar " + i, at, SubmitterKind.SYSTEM);
            String type = EventContracts.typeOf(payload.getClass());
            String stream = "result:" + unit + "/" + indicator + "/" + period;
            events.add(OutboxRelay.cloudEventJson(mapper, UUID.randomUUID().toString(), "/result-service", type, unit,
                    at, stream, 1 + i % 3, "bench-reporter", mapper.writeValueAsBytes(payload)));
        }
        for (byte[] event : events.subList(0, Math.min(1000, count))) {
            assertThat(reader.read(event)).isEqualTo(reader.readGenerally(event));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 4; round++) {
            for (boolean direct : new boolean[] { true, false }) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long began = System.nanoTime();
                long sink = 0;
                for (byte[] event : events) {
                    sink += (direct ? reader.read(event) : reader.readGenerally(event)).actor().length();
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf("round %d %-9s %,9.0f events/s, %,6d bytes allocated an event (%d)%n", round,
                        direct ? "direct" : "general", count / seconds,
                        (threads.getCurrentThreadAllocatedBytes() - bytes) / count, sink);
            }
        }
    }
}
