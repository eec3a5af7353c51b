package no.mrs.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while a consumer waits for a transient failure to pass (the database away, say), naming what
 * waits since when; UP again by itself once it got through. Not liveness: the consumer is alive and will go on.
 */
@Readiness
@ApplicationScoped
public class StalledConsumersCheck implements HealthCheck {

    @Inject
    TransientRetry retry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers");
        var stalled = retry.stalled();
        stalled.values().forEach(s -> response.withData(s.what(), "retrying since " + s.since() + " (attempt "
                + s.attempts() + "): " + s.lastFailure()));
        return response.status(stalled.isEmpty()).build();
    }
}
