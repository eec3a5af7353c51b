package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.events.TransientRetry;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes both topics as the events arrive, a poll's batch at a time, into the active read model. A batch that
 * cannot be saved for a transient reason (the database restarting) is retried with backoff for as long as that
 * lasts — the read model reloads what was saved first and skips what it had applied — so a database outage only
 * delays; readiness says so meanwhile. Any other failure (a broken table, say) is retried for 3 minutes before the
 * channel fails and health says so. The values come as the UTF-8 bytes on the wire, read without making a string of
 * them first (as the rebuild reads them).
 */
@ApplicationScoped
public class LiveProjection {

    @Inject
    ReadModels models;

    @Inject
    TransientRetry retry;

    @Incoming("goal-events")
    @Blocking
    public void goalEvents(ConsumerRecords<String, byte[]> records) {
        apply("goal", records);
    }

    @Incoming("result-events")
    @Blocking
    public void resultEvents(ConsumerRecords<String, byte[]> records) {
        apply("result", records);
    }

    private void apply(String topic, ConsumerRecords<String, byte[]> records) {
        retry.run("Applying " + records.count() + " " + topic + " events", () -> models.applyLive(records));
    }
}
