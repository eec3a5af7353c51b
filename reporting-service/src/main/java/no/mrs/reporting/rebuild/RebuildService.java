package no.mrs.reporting.rebuild;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.problem.Unavailable;
import no.mrs.reporting.model.ChangedRows;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.projection.Leadership;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.RecordProjector;
import no.mrs.reporting.projection.Replay;
import no.mrs.reporting.projection.Slot;
import no.mrs.reporting.projection.SlotStore;
import no.mrs.reporting.projection.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models from the topics: empties the inactive slot, replays both topics from the beginning
 * into it with a consumer of its own, and when it has caught up, switches over atomically (see
 * {@link ReadModels#switchTo}). Until then the API and the live consumer keep using the active slot.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** How long the final catch-up may hold up reads and live consumption before the rebuild gives up. */
    private static final Duration TAKE_OVER_LIMIT = Duration.ofSeconds(30);
    /**
     * Events applied between saves of the rebuilt slot: the changed rows of up to three saves are in memory at once
     * (two with the saver, one being gathered), beside two read models.
     */
    private static final long SAVE_EVERY = 5_000;
    /**
     * Threads (and connections) saving the rebuilt slot: one kept up with the replay no longer once reading and
     * applying got faster (the replay waited for it almost half its time, PostgreSQL at under half a core).
     */
    private static final int LANES = 2;
    /** The advisory lock a rebuild holds, on whichever replica it runs: "mrs-rbld" in ASCII. */
    public static final long REBUILD_LOCK_KEY = 0x6d72732d72626c64L;

    @Inject
    ReadModels models;

    @Inject
    SlotStore store;

    @Inject
    RecordProjector projector;

    @Inject
    Topics topics;

    @Inject
    MeterRegistry registry;

    @Inject
    Replay replay;

    @Inject
    Leadership leadership;

    private Thread running;
    private Counter completed;
    private Counter failed;

    /**
     * A rebuild cut short by a restart will never finish. Registers {@code mrs_rebuilds_total{outcome}} (deploy/'s
     * rebuild-failure alert) at start, so that it is there before the first rebuild.
     */
    void failInterrupted(@Observes StartupEvent event) {
        completed = Counter.builder("mrs.rebuilds").tag("outcome", "completed")
                .description("Rebuilds of the read models from the topics, by outcome").register(registry);
        failed = Counter.builder("mrs.rebuilds").tag("outcome", "failed")
                .description("Rebuilds of the read models from the topics, by outcome").register(registry);
        // another replica may be rebuilding right now: only when nobody holds the rebuild lock are RUNNING rows stale
        try (Connection session = leadership.newSession("rebuild check")) {
            if (Leadership.tryLock(session, REBUILD_LOCK_KEY)) {
                failStale();
            }
        } catch (SQLException e) {
            LOG.warnf("Could not check for rebuilds cut short: %s", e.getMessage());
        }
    }

    private static void failStale() {
        QuarkusTransaction.requiringNew().run(() -> RebuildRow.update(
                "state = ?1, error = ?2, finishedAt = ?3 where state = ?4", RebuildRow.State.FAILED,
                "interrupted by a restart", Instant.now(), RebuildRow.State.RUNNING));
    }

    /**
     * Starts a rebuild; 409 while another one runs on any replica (the rebuild lock, a PostgreSQL advisory lock
     * held in a session of the rebuild's own for as long as it runs, says so).
     */
    public synchronized UUID start(String requestedBy) {
        if (running != null && running.isAlive()) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is already running");
        }
        Connection session;
        try {
            session = leadership.newSession("rebuild");
            if (!Leadership.tryLock(session, REBUILD_LOCK_KEY)) {
                session.close();
                throw ProblemException.conflict("rebuild-running", "A rebuild is already running on another replica");
            }
        } catch (SQLException e) {
            throw new Unavailable(Unavailable.DATABASE, "The database did not answer", e);
        }
        try {
            failStale();
            // the slot that is not active now, whichever replica switched last
            Slot target = store.activeSlot().other();
            UUID id = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                RebuildRow row = new RebuildRow();
                row.rebuildId = id;
                row.state = RebuildRow.State.RUNNING;
                row.targetSlot = target.schema;
                row.requestedBy = requestedBy;
                row.startedAt = Instant.now();
                row.persist();
            });
            running = new Thread(() -> {
                try (session) {
                    run(id, target);
                } catch (SQLException e) {
                    LOG.debugf("Closing the rebuild's session: %s", e.getMessage());
                }
            }, "read-model-rebuild");
            running.setDaemon(true);
            running.start();
            return id;
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public Optional<RebuildRow> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> RebuildRow.<RebuildRow>findByIdOptional(id));
    }

    private void run(UUID id, Slot target) {
        long[] applied = { 0 };
        try {
            store.truncate(target);
            // the superseded figures go to the slot only, and come into memory when this model takes over
            ReadModel model = new ReadModel(false);
            Map<PartitionId, Long> begin = topics.beginningOffsets();
            Map<PartitionId, Long> end = topics.endOffsets();
            long total = 0;
            for (Map.Entry<PartitionId, Long> e : end.entrySet()) {
                total += e.getValue() - begin.getOrDefault(e.getKey(), 0L);
            }
            long eventsTotal = total;
            progress(id, row -> row.eventsTotal = eventsTotal);
            long began = System.nanoTime();
            Replay.Timings timings = new Replay.Timings();
            long[] copying = { 0 };
            try (KafkaConsumer<Void, byte[]> consumer = replay.consumer("rebuild"); Saver saver = new Saver(target)) {
                Set<TopicPartition> assigned = new HashSet<>();
                assign(consumer, assigned, end.keySet());
                long saved = 0;
                long savedAt = System.nanoTime();
                // fetching and reading the JSON on a thread of its own, ahead of the apply here
                try (Replay.Prefetch prefetch = replay.prefetch(consumer, end, timings)) {
                    for (Replay.Batch batch = prefetch.next(); batch != null; batch = prefetch.next()) {
                        long t = System.nanoTime();
                        replay.apply(batch, model);
                        timings.apply += System.nanoTime() - t;
                        applied[0] += batch.records().size();
                        // save in large batches (the slot is not read until the switch), and at least every second,
                        // on the saver's thread while the replay goes on
                        if (applied[0] - saved >= SAVE_EVERY || System.nanoTime() - savedAt > 1_000_000_000L) {
                            t = System.nanoTime();
                            ChangedRows rows = model.takeChangedRows();
                            copying[0] += System.nanoTime() - t;
                            saver.save(rows);
                            saved = applied[0];
                            savedAt = System.nanoTime();
                            long done = applied[0];
                            progress(id, row -> row.eventsApplied = done);
                        }
                    }
                }
                saver.save(model.takeChangedRows());
                long waiting = System.nanoTime();
                saver.awaitSaved();
                saver.waited += System.nanoTime() - waiting;
                double seconds = (System.nanoTime() - began) / 1e9;
                LOG.infof("Rebuild %s caught up after %d events in %.1f s (%.0f events/s; %s, copying changed rows"
                        + " out %.1f s, waiting for the savers %.1f s; they wrote %d rows in %.1f s each on average);"
                        + " taking over",
                        id, applied[0], seconds, applied[0] / seconds, timings, copying[0] / 1e9, saver.waited / 1e9,
                        saver.rows.get(), saver.writing.get() / 1e9 / LANES);
                models.switchTo(target, model, (live, tx) -> {
                    long deadline = System.nanoTime() + TAKE_OVER_LIMIT.toNanos();
                    // the live consumer waits now: catch up with exactly what it has applied
                    Map<PartitionId, Long> liveNext = new java.util.TreeMap<>();
                    live.positions().forEach((p, pos) -> liveNext.put(p, pos.nextOffset()));
                    assign(consumer, assigned, liveNext.keySet());
                    while (!reached(model, liveNext)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("Could not catch up with the live read models in time");
                        }
                        applied[0] += replay.poll(consumer, model);
                    }
                    store.write(tx, target, model.takeChangedRows());
                    finish(tx, id, applied[0]);
                });
            }
            LOG.infof("Rebuild %s completed: %d events into %s", id, applied[0], target.schema);
            completed.increment();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s failed", id);
            failed.increment();
            progress(id, row -> {
                row.state = RebuildRow.State.FAILED;
                row.error = e.getMessage();
                row.eventsApplied = applied[0];
                row.finishedAt = Instant.now();
            });
        }
    }

    private static void assign(KafkaConsumer<Void, byte[]> consumer, Set<TopicPartition> assigned,
            Set<PartitionId> wanted) {
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionId p : wanted) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (assigned.add(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(new ArrayList<>(assigned));
            consumer.seekToBeginning(added);
        }
    }

    /**
     * Saves the rebuilt slot's rows on threads of their own — {@link #LANES} of them, each with its own connection,
     * the rows split by key ({@link ChangedRows#split}) so that each lane saves its rows in order — at most two saves
     * behind the replay (so the rows waiting in memory stay bounded). The first failure fails the rebuild.
     */
    private final class Saver implements AutoCloseable {
        private final Slot target;
        private final List<ExecutorService> lanes = new ArrayList<>();
        private final Semaphore inFlight = new Semaphore(2);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        /** Nanoseconds the replay waited for a save to finish, and the savers spent writing (summed); rows written. */
        long waited;
        final AtomicLong writing = new AtomicLong();
        final AtomicLong rows = new AtomicLong();

        Saver(Slot target) {
            this.target = target;
            for (int i = 0; i < LANES; i++) {
                String name = "read-model-rebuild-saver-" + i;
                lanes.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }));
            }
        }

        void save(ChangedRows changed) {
            rethrow();
            if (changed.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            inFlight.acquireUninterruptibly();
            waited += System.nanoTime() - t;
            List<ChangedRows> parts = changed.split(LANES);
            AtomicInteger left = new AtomicInteger(LANES);
            for (int i = 0; i < LANES; i++) {
                ChangedRows part = parts.get(i);
                lanes.get(i).execute(() -> {
                    try {
                        if (failure.get() == null && !part.isEmpty()) {
                            long began = System.nanoTime();
                            // the slot was emptied for this rebuild and only its savers write there
                            store.append(target, part);
                            writing.addAndGet(System.nanoTime() - began);
                            rows.addAndGet(part.size());
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        if (left.decrementAndGet() == 0) {
                            inFlight.release();
                        }
                    }
                });
            }
        }

        /** Waits until every save handed over so far is done; throws the first failure. */
        void awaitSaved() {
            inFlight.acquireUninterruptibly(2);
            inFlight.release(2);
            rethrow();
        }

        private void rethrow() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            lanes.forEach(ExecutorService::shutdownNow);
        }
    }

    /** Whether the model has applied every partition up to the given next offsets. */
    private static boolean reached(ReadModel model, Map<PartitionId, Long> next) {
        for (Map.Entry<PartitionId, Long> e : next.entrySet()) {
            long at = model.position(e.getKey()).map(Position::nextOffset).orElse(0L);
            if (at < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private interface Change {
        void apply(RebuildRow row);
    }

    private void progress(UUID id, Change change) {
        QuarkusTransaction.requiringNew().run(() -> change.apply(RebuildRow.findById(id)));
    }

    private static void finish(Connection tx, UUID id, long applied) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("update rebuild set state = ?, events_applied = ?,"
                + " finished_at = ? where rebuild_id = ?")) {
            ps.setString(1, RebuildRow.State.COMPLETED.name());
            ps.setLong(2, applied);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }
}
