package no.mrs.platform.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The outbox relay for Prometheus (deploy/'s alerts on relay lag): {@code mrs_outbox_pending_events}, the events
 * committed but not yet on the broker (those after the published position in relay_state, at each scrape; NaN while the database cannot be
 * read), and {@code mrs_outbox_published_total}, the events this instance has published. Only in a service that
 * publishes.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Inject
    EventsConfig config;

    void register(@Observes StartupEvent event) {
        if (config.topic().isEmpty()) {
            return;
        }
        Gauge.builder("mrs.outbox.pending.events", relay, r -> {
            long backlog = r.backlog();
            return backlog < 0 ? Double.NaN : backlog;
        }).description("Events committed to the event log and not yet published to Kafka").register(registry);
        FunctionCounter.builder("mrs.outbox.published", relay, OutboxRelay::published)
                .description("Events this instance's outbox relay has published to Kafka").register(registry);
    }
}
