package no.mrs.reporting.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.reporting.projection.Leadership;
import no.mrs.reporting.projection.ReadModels;
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

    private volatile boolean caughtUp;

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
