package no.mrs.reporting.projection;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.reporting.model.ChangedRows;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The active read model: the in-memory copy of the active slot that the API reads and the live consumer updates.
 * Readers share a read lock; a batch of records is applied under the write lock and then saved while readers go
 * on reading. A rebuild swaps in a whole new model under the write lock.
 */
@ApplicationScoped
public class ReadModels {

    private static final Logger LOG = Logger.getLogger(ReadModels.class);

    @Inject
    SlotStore store;

    @Inject
    RecordProjector projector;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Held while a live batch is applied and saved, so that batches are saved in the order they were applied. */
    private final Object writer = new Object();
    private volatile ReadModel active;
    private volatile Slot activeSlot;

    /** Loads the active slot at startup, so that the first request and the consumers' first seek find it ready. */
    void load(@Observes StartupEvent event) {
        model();
    }

    /** Runs a read against the active model. */
    public <T> T read(Function<ReadModel, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(model());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies a batch of live records and saves the outcome in the active slot. Batches are applied one at a time
     * (the two topics' consumers take turns). The in-memory apply holds the write lock; the changed rows are copied
     * out and saved without any lock, so readers are not held up by the database write. A reader may therefore see a batch whose save is still in
     * flight: every record it sees is durable on the broker, and if the save fails the model is dropped and the
     * batch re-applied from the saved state, so what a reader sees is always a prefix of the topics.
     */
    public void applyLive(Iterable<ConsumerRecord<String, String>> records) {
        // reading the JSON needs no lock (and uses both cores for a big batch)
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        records.forEach(batch::add);
        List<RecordProjector.Parsed> parsed = projector.parseAll(batch);
        synchronized (writer) {
            Slot slot;
            ChangedRows changes;
            lock.writeLock().lock();
            try {
                ReadModel model = model();
                slot = activeSlot;
                try {
                    for (int i = 0; i < batch.size(); i++) {
                        projector.apply(model, batch.get(i), parsed.get(i));
                    }
                    changes = model.takeChangedRows();
                } catch (RuntimeException e) {
                    dropAfterFailure(e);
                    throw e;
                }
            } finally {
                lock.writeLock().unlock();
            }
            try {
                store.write(slot, changes);
            } catch (RuntimeException e) {
                dropAfterFailure(e);
                throw e;
            }
        }
    }

    /**
     * The memory may hold what the database refused: drop it, and load what was saved on next use (not now: the
     * database may be the reason, and a half-applied model must never be kept).
     */
    private void dropAfterFailure(RuntimeException e) {
        LOG.errorf("Applying a batch failed; the read model will be reloaded from %s: %s", activeSlot.schema,
                e.getMessage());
        active = null;
    }

    /** The next offset to consume of a partition, as the active slot has it. */
    public Long nextOffset(PartitionId partition) {
        return read(model -> model.position(partition).map(Position::nextOffset).orElse(null));
    }

    public Slot activeSlot() {
        model();
        return activeSlot;
    }

    /** What a rebuild does to take over, run while live consumption and reads wait. */
    public interface Switch {
        /** Brings the new model level with (or ahead of) the live one, then saves the switch in the transaction. */
        void takeOver(ReadModel live, Connection transaction) throws SQLException;
    }

    /** Replaces the active model and slot atomically (for readers, the live consumer and the database). */
    public void switchTo(Slot slot, ReadModel model, Switch takeOver) {
        synchronized (writer) {
            switchUnderWriter(slot, model, takeOver);
        }
    }

    private void switchUnderWriter(Slot slot, ReadModel model, Switch takeOver) {
        lock.writeLock().lock();
        try (Connection c = store.transaction()) {
            try {
                takeOver.takeOver(model(), c);
                store.activate(c, slot);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            active = model;
            activeSlot = slot;
            LOG.infof("The read models now come from %s", slot.schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Switching to " + slot.schema + " failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ReadModel model() {
        ReadModel model = active;
        if (model == null) {
            synchronized (this) {
                if (active == null) {
                    Slot slot = store.activeSlot();
                    active = store.load(slot);
                    activeSlot = slot;
                    LOG.infof("Loaded the read models from %s", slot.schema);
                }
                model = active;
            }
        }
        return model;
    }
}
