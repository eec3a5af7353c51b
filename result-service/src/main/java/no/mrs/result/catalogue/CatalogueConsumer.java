package no.mrs.result.catalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.platform.events.EventReader;
import no.mrs.platform.events.Inbox;
import no.mrs.platform.events.TransientRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns units and indicators from {@code mrs.goal-events}. Idempotent: the inbox skips redelivered events, and
 * the stored stream version skips older ones. goal-service publishes more than the catalogue needs (goal letters,
 * goals); those are skipped on purpose and logged, never mistaken for something else. A transient failure (the
 * database restarting) is retried with backoff, the event unacknowledged meanwhile: order and nothing lost.
 */
@ApplicationScoped
public class CatalogueConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);

    @Inject
    EventReader reader;

    @Inject
    Inbox inbox;

    @Inject
    CatalogueStore store;

    @Inject
    TransientRetry retry;

    @Incoming("goal-events")
    @Blocking
    public void consume(String value) {
        EventReader.Received received = reader.read(value);
        // each attempt in a transaction of its own: a failed one leaves nothing behind, not even its inbox row
        retry.run("Applying goal event " + received.id(),
                () -> QuarkusTransaction.requiringNew().run(() -> apply(received)));
    }

    private void apply(EventReader.Received received) {
        if (!inbox.firstTime(received.id(), received.envelope().type())) {
            LOG.debugf("Goal event %s already applied", received.id());
            return;
        }
        if (received.payload().isEmpty()) {
            LOG.infof("Skipping goal event %s of unknown type %s", received.id(), received.envelope().type());
            return;
        }
        EventPayload payload = received.payload().get();
        if (received.envelope().streamVersion() == null) {
            LOG.warnf("Skipping goal event %s of type %s: it has no streamversion", received.id(),
                    received.envelope().type());
            return;
        }
        long version = received.envelope().streamVersion();
        if (payload instanceof UnitEvent unit) {
            store.apply(unit, version);
        } else if (payload instanceof IndicatorEvent indicator) {
            store.apply(indicator, version);
        } else {
            LOG.debugf("Skipping goal event %s of type %s: the catalogue does not need it", received.id(),
                    received.envelope().type());
        }
    }
}
