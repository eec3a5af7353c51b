package no.mrs.result.catalogue;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.platform.events.EventReader;
import no.mrs.platform.events.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns units and indicators from {@code mrs.goal-events}. Idempotent: the inbox skips redelivered events, and
 * the stored stream version skips older ones. goal-service publishes more than the catalogue needs (goal letters,
 * goals); those are skipped on purpose and logged, never mistaken for something else.
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

    @Incoming("goal-events")
    @Blocking
    @Transactional
    public void consume(String value) {
        EventReader.Received received = reader.read(value);
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
