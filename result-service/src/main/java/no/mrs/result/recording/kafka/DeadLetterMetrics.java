package no.mrs.result.recording.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mrs_submissions_dead_lettered_total{reason}}: Kafka submissions sent to {@code mrs.result-submissions.dlq}
 * (deploy/'s DLQ-growth alert). The known reasons are registered at start, so the series exist before the first one.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    public static final String REJECTED = "rejected";
    public static final String UNPARSEABLE = "unparseable";
    public static final String OUT_OF_SCOPE = "out-of-scope";

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    void register(@Observes StartupEvent event) {
        counter(REJECTED);
        counter(UNPARSEABLE);
        counter(OUT_OF_SCOPE);
    }

    void count(String reason) {
        counter(reason).increment();
    }

    private Counter counter(String reason) {
        return counters.computeIfAbsent(reason, r -> Counter.builder("mrs.submissions.dead.lettered").tag("reason", r)
                .description("Kafka result submissions sent to the DLQ, by reason").register(registry));
    }
}
