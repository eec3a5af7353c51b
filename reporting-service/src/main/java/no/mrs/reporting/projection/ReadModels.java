package no.mrs.reporting.projection;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.reporting.model.ChangedRows;
import no.mrs.reporting.model.Changes;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import no.mrs.platform.problem.Unavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The active read model: the in-memory copy of the active slot that the API reads and the live consumer updates.
 * Readers share a read lock; a batch of records is applied under the write lock and then saved while readers go
 * on reading. A rebuild swaps in a whole new model under the write lock.
 *
 * <p>Every replica applies every record to its own model; only the leader ({@link Leadership}) saves, in its lock's
 * session. A follower keeps what it applied as unsaved changes until it sees that the slot holds all of it (then it
 * forgets them), so that when it becomes the leader it can save exactly what the slot lacks: it first reads what the
 * slot holds, keeps applying until its model has reached that, then saves everything it has not seen saved. The
 * slot thus always holds one consistent prefix of the topics, whoever saved it. When the active slot is switched (a
 * rebuild, on any replica), each replica loads the new slot and brings it level with its own model from the
 * topics before it answers from it, so a reader never sees figures go back.
 */
@ApplicationScoped
public class ReadModels {

    private static final Logger LOG = Logger.getLogger(ReadModels.class);
    /** How long bringing a loaded slot level with the live model may take. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);

    @Inject
    SlotStore store;

    @Inject
    RecordProjector projector;

    @Inject
    Leadership leadership;

    @Inject
    Replay replay;

    @Inject
    no.mrs.reporting.access.ReportingConfig config;

    @Inject
    LoadHooks hooks;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Completes when a background load has made the model ready for current reads, or has failed. */
    private volatile CompletableFuture<Void> current = DONE;
    /** Completes when a background load has the whole model, history included, or has failed. */
    private volatile CompletableFuture<Void> whole = DONE;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Held while a live batch is applied and saved, while the slot is switched or followed, and while a takeover is
     * checked, so that batches are saved in the order they were applied.
     */
    private final Object writer = new Object();
    private volatile ReadModel active;
    private volatile Slot activeSlot;
    /** The generation of the active slot this model was loaded from (see {@link SlotStore#activate}). */
    private volatile long generation;
    /** After a batch failed half-applied: the offsets the model had reached before it, for the reload to catch up. */
    private volatile Map<PartitionId, Long> resumeAt;
    /** The leadership term in which this replica saves: its model has reached what the slot held at the takeover. */
    private long savingTerm;
    private long takeoverTerm;
    private Map<PartitionId, Long> slotAtTakeover = Map.of();
    /** When the start's load began (right after Flyway's migration at start, else at the StartupEvent); null before. */
    private final AtomicReference<String> startLoadWhen = new AtomicReference<>();

    /**
     * Starts loading the active slot at startup, in the background: the service starts without waiting for it, and
     * readiness stays DOWN until the model answers current reads (see {@link #loadInBackground()}).
     */
    void load(@Observes @Priority(10) StartupEvent event) {
        loadAtStart("at the StartupEvent");
    }

    /** When the start's load began ({@link #loadAtStart}'s words), null before. */
    String startLoadWhen() {
        return startLoadWhen.get();
    }

    /** Begins the start's background load once: the first of Flyway's migration at start and the StartupEvent. */
    void loadAtStart(String when) {
        if (startLoadWhen.compareAndSet(null, when)) {
            LOG.infof("Loading the read models in the background, %s (%d ms after the JVM started)", when, uptime());
            loadInBackground();
        }
    }

    /**
     * Loads the active slot on threads of its own, as at a start: its current content first (then current reads are
     * answered and readiness may go UP), then its superseded history on a second connection in the same
     * snapshot, installed once loaded (then {@code asOf} reads are answered and live records applied: none is
     * applied to a model lacking its history or stream positions). Until then reads wait up to
     * {@code mrs.reporting.readiness.load-wait} and are answered 503; none sees a model loaded in part. A load that
     * fails leaves no model: the next read or batch loads the slot again, as after any failed load.
     *
     * <p>Drops the model this replica answers from; outside a start only for tests, with nothing unsaved.
     */
    public void loadInBackground() {
        CompletableFuture<Void> currentLoaded = new CompletableFuture<>();
        CompletableFuture<Void> wholeLoaded = new CompletableFuture<>();
        synchronized (writer) {
            synchronized (this) {
                current = currentLoaded;
                whole = wholeLoaded;
                active = null;
            }
        }
        Thread loader = new Thread(() -> loadForStart(currentLoaded, wholeLoaded), "read-model-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadForStart(CompletableFuture<Void> currentLoaded, CompletableFuture<Void> wholeLoaded) {
        ReadModel[] loadedModel = new ReadModel[1];
        try {
            ReadModel.SupersededHistory history = store.loadForStart(loaded -> {
                hooks.currentLoaded();
                synchronized (this) {
                    if (current == currentLoaded) {
                        activeSlot = loaded.slot();
                        generation = loaded.generation();
                        active = loaded.model();
                        loadedModel[0] = loaded.model();
                    }
                }
                currentLoaded.complete(null);
                LOG.infof("The read models answer current reads from %s (generation %d), %d ms after the JVM"
                        + " started; loading their history", loaded.slot().schema, loaded.generation(), uptime());
            }, task -> {
                Thread t = new Thread(task, "read-model-history");
                t.setDaemon(true);
                t.start();
            });
            hooks.historyLoaded();
            lock.writeLock().lock();
            try {
                if (loadedModel[0] != null && active == loadedModel[0]) {
                    loadedModel[0].installHistory(history);
                }
            } finally {
                lock.writeLock().unlock();
            }
            LOG.infof("The read models have their history (%d superseded figures), %d ms after the JVM started",
                    history.size(), uptime());
        } catch (RuntimeException e) {
            // never serve a model in part: the next read or batch loads the slot again (see model())
            LOG.errorf("Loading the read models failed; they will be loaded again when needed: %s", e.getMessage());
            synchronized (this) {
                if (loadedModel[0] != null && active == loadedModel[0]) {
                    active = null;
                }
            }
        } finally {
            currentLoaded.complete(null);
            wholeLoaded.complete(null);
        }
    }

    /** Whether a background load has not yet made the model ready for current reads. */
    public boolean loading() {
        return !current.isDone();
    }

    /** Waits (at most the configured load wait) for a background load, else answers 503 (Retry-After). */
    private void awaitLoad(CompletableFuture<Void> load) {
        if (load.isDone()) {
            return;
        }
        try {
            load.get(config.readiness().loadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw stillLoading();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillLoading();
        } catch (ExecutionException e) {
            // never completed exceptionally: a failed load leaves no model, which model() loads again
        }
    }

    private static Unavailable stillLoading() {
        return new Unavailable("read model", "The read model is still loading", null);
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /**
     * Runs a read against the active model as it stood at {@code asOf} (null: as it stands now). An instant after
     * the latest event gives the model as it stands.
     */
    public <T> T read(java.time.Instant asOf, Function<no.mrs.reporting.model.ModelView, T> query) {
        if (asOf == null) {
            return read(query::apply);
        }
        return readWhole(model -> query.apply(model.asSeenAt(asOf)));
    }

    /**
     * Runs a read that needs the whole model, its history included (an {@code asOf} read, the checksum): while a
     * background load is still loading the history it waits, at most the configured load wait, else 503.
     */
    public <T> T readWhole(Function<ReadModel, T> query) {
        awaitLoad(whole);
        lock.readLock().lock();
        try {
            ReadModel model = model();
            if (!model.keepsHistory()) {
                throw stillLoading();
            }
            return query.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a read against the active model. */
    public <T> T read(Function<ReadModel, T> query) {
        awaitLoad(current);
        lock.readLock().lock();
        try {
            return query.apply(model());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies a batch of live records and, on the leader, saves the outcome in the active slot. Batches are applied
     * one at a time (the two topics' consumers take turns). The in-memory apply holds the write lock; the changed
     * rows are copied out and saved without it, so readers are not held up by the database write. A reader may
     * therefore see a batch whose save is still in flight: every record it sees is durable on the broker, and a save
     * that fails leaves the rows recorded as unsaved in the model, to be saved by the retry (or, if this replica
     * lost the lead, by the next leader from its own model), so the slot is always a prefix of the topics.
     */
    public void applyLive(Iterable<? extends ConsumerRecord<?, ?>> records) {
        // reading the JSON needs no lock (and uses both cores for a big batch)
        List<ConsumerRecord<?, ?>> batch = new ArrayList<>();
        records.forEach(batch::add);
        List<RecordProjector.Parsed> parsed = projector.parseAll(batch);
        synchronized (writer) {
            // nothing is applied before a background load has the whole model (its history and stream positions)
            while (!whole.isDone()) {
                try {
                    writer.wait(50); // lets go of the writer meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the read model loads", e);
                }
            }
            ReadModel model = model();
            Map<PartitionId, Long> before = nextOffsets(model);
            lock.writeLock().lock();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    projector.apply(model, batch.get(i), parsed.get(i));
                }
            } catch (RuntimeException e) {
                // a half-applied model must never be kept: load the slot again, level with where this batch began
                LOG.errorf("Applying a batch failed; the read model will be reloaded from %s: %s", activeSlot.schema,
                        e.getMessage());
                resumeAt = before;
                active = null;
                throw e;
            } finally {
                lock.writeLock().unlock();
            }
            save(model);
        }
    }

    /**
     * On the leader: saves what the model has not saved, in the leader's session and only into the active slot
     * of the generation the model was loaded from. A takeover saves nothing until the model has reached what the
     * slot held when this replica took the lock. Called with {@link #writer} held.
     */
    private void save(ReadModel model) {
        if (!leadership.isLeader()) {
            return;
        }
        long term = leadership.term();
        try {
            if (savingTerm != term) {
                if (takeoverTerm != term) {
                    SlotStore.SlotState slot = leadership.inTransaction(store::state);
                    if (slot.active().generation() != generation) {
                        follow();
                        model = model();
                    }
                    slotAtTakeover = slot.nextOffsets();
                    takeoverTerm = term;
                }
                if (!reached(model, slotAtTakeover)) {
                    LOG.debugf("Taking over: the slot holds %s, this replica has reached %s", slotAtTakeover,
                            nextOffsets(model));
                    return;
                }
                savingTerm = term;
                LOG.infof("Taking over saving the read models into %s from %s", activeSlot.schema,
                        nextOffsets(model));
            }
        } catch (Leadership.NotLeader e) {
            return;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the slot to take over failed", e);
        }
        Changes taken = model.takeChanges();
        ChangedRows rows = model.rowsOf(taken);
        if (rows.isEmpty()) {
            return;
        }
        Slot slot = activeSlot;
        long expected = generation;
        try {
            leadership.inTransaction(c -> {
                SlotStore.Active now = store.active(c, true);
                if (now.generation() != expected) {
                    throw new SlotSwitched(now);
                }
                store.write(c, slot, rows);
                return null;
            });
        } catch (SlotSwitched e) {
            // a rebuild elsewhere switched the slot: what this model applied goes into the new one
            LOG.infof("The active slot was switched to %s (generation %d)", e.now.slot().schema, e.now.generation());
            follow();
            save(model());
        } catch (Leadership.NotLeader e) {
            model.restoreChanges(taken);
        } catch (SQLException | RuntimeException e) {
            model.restoreChanges(taken);
            throw new IllegalStateException("Saving the read model in " + slot.schema + " failed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Every poll of the replica: contends for the lead (or checks it is still held), follows a switch of the active
     * slot, on the leader saves what is unsaved (a takeover, or what a failed save left), on a follower forgets the
     * changes the slot already holds.
     */
    public void keepUp() {
        boolean leads = leadership.contend();
        if (!whole.isDone()) {
            return; // the model is still loading: nothing to follow, save or forget yet
        }
        SlotStore.SlotState slot = store.state();
        synchronized (writer) {
            if (!whole.isDone()) {
                return;
            }
            if (slot.active().generation() != generation) {
                LOG.infof("The active slot was switched to %s (generation %d)", slot.active().slot().schema,
                        slot.active().generation());
                follow();
            }
            ReadModel model = model();
            if (leads) {
                save(model);
            } else if (slot.active().generation() == generation && covers(slot.nextOffsets(), model)) {
                model.takeChanges();
            }
        }
    }

    /**
     * Loads the active slot anew and brings it level with what this replica has applied, from the topics, then
     * answers from it. Called with {@link #writer} held (live consumption waits; readers go on with the old model).
     */
    private void follow() {
        ReadModel current = active;
        Map<PartitionId, Long> upTo = current != null ? nextOffsets(current)
                : resumeAt != null ? resumeAt : Map.of();
        SlotStore.Loaded loaded = store.loadActive();
        long read = replay.catchUp(loaded.model(), upTo, CATCH_UP_LIMIT);
        lock.writeLock().lock();
        try {
            active = loaded.model();
            activeSlot = loaded.slot();
            generation = loaded.generation();
            resumeAt = null;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.infof("The read models now come from %s (generation %d), %d records read to catch up",
                loaded.slot().schema, loaded.generation(), read);
    }

    /** The next offset to consume of a partition, as the active slot has it. */
    public Long nextOffset(PartitionId partition) {
        current.join(); // the consumers wait for a background load, however long it takes
        return read(model -> model.position(partition).map(Position::nextOffset).orElse(null));
    }

    public Slot activeSlot() {
        model();
        return activeSlot;
    }

    /** The generation of the active slot that this replica answers from. */
    public long generation() {
        model();
        return generation;
    }

    /** Whether this replica saves the read models (it leads and has taken over). */
    public boolean saving() {
        return leadership.isLeader() && savingTerm == leadership.term();
    }

    /** What a rebuild does to take over, run while live consumption and reads wait. */
    public interface Switch {
        /** Brings the new model level with (or ahead of) the live one, then saves the switch in the transaction. */
        void takeOver(ReadModel live, Connection transaction) throws SQLException;
    }

    /**
     * Replaces the active model and slot atomically (for readers, the live consumer and the database). The switch
     * counts up the slot's generation: the leader, wherever it runs, saves no more into the old slot, and every
     * replica follows.
     */
    public void switchTo(Slot slot, ReadModel model, Switch takeOver) {
        synchronized (writer) {
            switchUnderWriter(slot, model, takeOver);
        }
    }

    private void switchUnderWriter(Slot slot, ReadModel model, Switch takeOver) {
        lock.writeLock().lock();
        try (Connection c = store.transaction()) {
            long switched;
            try {
                takeOver.takeOver(model(), c);
                switched = store.activate(c, slot);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            active = model;
            activeSlot = slot;
            generation = switched;
            if (!model.keepsHistory()) {
                // a rebuild's model sent its superseded figures to the slot only; the replaced model is let go
                // first, then the history is loaded from the slot while readers wait (both never in memory at once)
                try {
                    store.loadHistory(slot, model);
                } catch (RuntimeException e) {
                    // never serve a model without its history: the next read loads the slot, which holds it all
                    LOG.errorf("Loading the history of %s failed; the read models will be loaded from it again: %s",
                            slot.schema, e.getMessage());
                    active = null;
                }
            }
            LOG.infof("The read models now come from %s (generation %d)", slot.schema, switched);
        } catch (SQLException e) {
            throw new IllegalStateException("Switching to " + slot.schema + " failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ReadModel model() {
        ReadModel model = active;
        if (model == null) {
            awaitLoad(current);
            model = active;
        }
        if (model == null) {
            synchronized (this) {
                if (active == null) {
                    SlotStore.Loaded loaded = store.loadActive();
                    Map<PartitionId, Long> resume = resumeAt;
                    if (resume != null) {
                        replay.catchUp(loaded.model(), resume, CATCH_UP_LIMIT);
                    }
                    activeSlot = loaded.slot();
                    generation = loaded.generation();
                    active = loaded.model();
                    resumeAt = null;
                    LOG.infof("Loaded the read models from %s (generation %d)", loaded.slot().schema,
                            loaded.generation());
                }
                model = active;
            }
        }
        return model;
    }

    private static Map<PartitionId, Long> nextOffsets(ReadModel model) {
        Map<PartitionId, Long> next = new TreeMap<>();
        model.positions().forEach((p, position) -> next.put(p, position.nextOffset()));
        return next;
    }

    /** Whether the model has applied every partition up to the given next offsets. */
    private static boolean reached(ReadModel model, Map<PartitionId, Long> next) {
        for (Map.Entry<PartitionId, Long> e : next.entrySet()) {
            if (model.position(e.getKey()).map(Position::nextOffset).orElse(0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the slot's saved offsets cover everything the model has applied. */
    private static boolean covers(Map<PartitionId, Long> saved, ReadModel model) {
        for (Map.Entry<PartitionId, Position> e : model.positions().entrySet()) {
            if (saved.getOrDefault(e.getKey(), 0L) < e.getValue().nextOffset()) {
                return false;
            }
        }
        return true;
    }

    /** The active slot is no longer the one this model was loaded from. */
    private static final class SlotSwitched extends RuntimeException {
        final SlotStore.Active now;

        SlotSwitched(SlotStore.Active now) {
            super("The active read model slot was switched", null, false, false);
            this.now = now;
        }
    }
}
