package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes both topics as the events arrive, a poll's batch at a time, into the active read model. */
@ApplicationScoped
public class LiveProjection {

    @Inject
    ReadModels models;

    @Incoming("goal-events")
    @Blocking
    public void goalEvents(ConsumerRecords<String, String> records) {
        models.applyLive(records);
    }

    @Incoming("result-events")
    @Blocking
    public void resultEvents(ConsumerRecords<String, String> records) {
        models.applyLive(records);
    }
}
