package no.mrs.reporting.projection;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.reporting.access.ReportingConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The replica's own rhythm beside the live consumer: every poll interval it contends for the lead or checks it,
 * follows a switch of the active slot, and saves or forgets unsaved changes ({@link ReadModels#keepUp()}). At
 * startup it contends once before the consumers start, so that a single replica saves from its first batch; at
 * shutdown it gives up the lead at once, so that another replica takes over within a poll.
 */
@ApplicationScoped
public class ReplicaLoop {

    private static final Logger LOG = Logger.getLogger(ReplicaLoop.class);

    @Inject
    ReadModels models;

    @Inject
    Leadership leadership;

    @Inject
    ReportingConfig config;

    private ScheduledExecutorService loop;
    private volatile String lastFailure;

    void start(@Observes @Priority(20) StartupEvent event) {
        Duration interval = config.replica().pollInterval();
        poll();
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-model-replica");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            models.keepUp();
            if (lastFailure != null) {
                LOG.infof("Keeping up with the slot works again");
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            // the database or broker away: the next poll tries again; the lead is lost with its session meanwhile
            String failure = String.valueOf(e.getMessage());
            if (!failure.equals(lastFailure)) {
                LOG.warnf("Keeping up with the slot failed (trying again every %d ms): %s",
                        config.replica().pollInterval().toMillis(), failure);
            }
            lastFailure = failure;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leadership.close();
    }
}
