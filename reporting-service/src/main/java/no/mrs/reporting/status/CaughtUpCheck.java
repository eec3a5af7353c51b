package no.mrs.reporting.status;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.reporting.projection.Leadership;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.Topics;
import no.mrs.reporting.access.ReportingConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica is ready (and a load balancer or Kubernetes sends it reads) only once its read model has caught up with
 * the topics after it started: its lag (records on the broker not yet applied) at most
 * {@code mrs.reporting.readiness.max-lag}, 0 by default. A replica that answered before that would show older
 * figures than the others. Once caught up it stays ready however far a burst of events puts it behind (replicas
 * fall behind together, and stale figures are better than none; the lag alert watches that).
 */
@Readiness
@ApplicationScoped
public class CaughtUpCheck implements HealthCheck {

    @Inject
    ProjectionLag lag;

    @Inject
    ReadModels models;

    @Inject
    Leadership leadership;

    @Inject
    ReportingConfig config;

    @Inject
    Topics topics;

    private volatile boolean caughtUp;

    /**
     * Asks the broker for the topics' end offsets once while the model loads, on a thread of its own: the admin
     * client's connection and metadata are then in place when the first check after the load needs them (a cold
     * one took a good part of a second on two busy cores, all of it on the path to ready).
     */
    void prepare(@Observes StartupEvent event) {
        Thread thread = new Thread(() -> {
            try {
                topics.endOffsets();
            } catch (RuntimeException e) {
                // the check itself reports an unreachable broker
            }
        }, "readiness-broker-connect");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read models caught up");
        if (models.loading()) {
            // started, still loading the slot: no partial model is ever answered from
            return response.down().withData("loading", true).build();
        }
        try {
            long behind = lag.partitions().stream().mapToLong(ProjectionLag.PartitionLag::lag).sum();
            long maxLag = config.readiness().maxLag();
            if (behind <= maxLag) {
                caughtUp = true;
            }
            return response.status(caughtUp).withData("lag", behind).withData("maxLagAtStart", maxLag)
                    .withData("slot", models.activeSlot().schema).withData("generation", models.generation())
                    .withData("leader", leadership.isLeader()).build();
        } catch (RuntimeException e) {
            // broker or database unreachable: a replica that caught up goes on answering from memory
            return response.status(caughtUp).withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
