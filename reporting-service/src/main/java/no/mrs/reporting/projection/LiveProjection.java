package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes both topics as the events arrive, a poll's batch at a time, into the active read model. A batch that
 * cannot be saved is retried (the read model reloads what was saved first), so a database restart only delays.
 */
@ApplicationScoped
public class LiveProjection {

    @Inject
    ReadModels models;

    private static final Logger LOG = Logger.getLogger(LiveProjection.class);
    /** How long a batch is retried (the database restarting, say) before the channel fails and health says so. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    @Incoming("goal-events")
    @Blocking
    public void goalEvents(ConsumerRecords<String, String> records) {
        apply(records);
    }

    @Incoming("result-events")
    @Blocking
    public void resultEvents(ConsumerRecords<String, String> records) {
        apply(records);
    }

    private void apply(ConsumerRecords<String, String> records) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 250;
        while (true) {
            try {
                models.applyLive(records);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Applying %d records failed, retrying in %d ms: %s", records.count(), backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
