package no.mrs.goal.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.events.RelayTopic.Delivery;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.events.OutboxRelay;
import no.mrs.platform.events.StoredEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishes the event log by position (the event log is the outbox), with the real PostgreSQL and the
 * real broker: concurrent writers, a transaction that commits late below positions already committed, one that
 * rolls back, and a crash between the broker's acknowledgement and the stored position. Nothing is skipped, nothing
 * is published twice without a crash, and each stream stays in order. The streams are units no other test uses
 * ({@code unit:97..}, {@code unit:99..}); the events still match their schemas.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class RelayCorrectnessTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventStore store;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Six writers, each 40 transactions of one to three events on one or two of twelve streams, some waiting a
     * little before they commit (so commits come out of position order), some conflicting on a stream (and trying
     * again), some rolling back; the relay is stopped and started once in the middle. Every committed event is on
     * the topic exactly once, each stream's versions in order; no rolled-back event is.
     */
    @Test
    void concurrentWritersCommittingOutOfPositionOrderArePublishedExactlyOnceEachStreamInOrder() throws Exception {
        caughtUp();
        int writers = 6;
        int transactions = 40;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger rolledBack = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    for (int t = 0; t < transactions; t++) {
                        writeSomething(rolledBack);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> done.get() >= writers * transactions / 2);
            relay.suspend();
            assertThat(relay.isRunning()).isFalse();
            relay.resume();
            for (Future<?> future : futures) {
                future.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rolledBack.get()).isPositive();

        List<StoredEvent> committed = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            committed.addAll(store.read(concurrentStream(s)));
        }
        caughtUp();
        List<Delivery> deliveries = RelayTopic.readToEnd(stream -> stream.startsWith("unit:97"));

        Set<String> committedIds = committed.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        assertThat(RelayTopic.counts(deliveries)).containsOnlyKeys(committedIds)
                .allSatisfy((id, count) -> assertThat(count).as("deliveries of " + id).isEqualTo(1));
        Map<String, List<Long>> versions = RelayTopic.versions(deliveries);
        for (int s = 0; s < 12; s++) {
            String stream = concurrentStream(s);
            long last = store.version(stream);
            assertThat(versions.getOrDefault(stream, List.of())).as(stream)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        }
    }

    /**
     * A transaction takes its position and waits; another one after it takes a higher position and commits. The
     * relay does not publish past the waiting transaction's position — that would skip its event when it commits
     * late — and says it waits; once it commits, both are published, once each.
     */
    @Test
    void aTransactionInFlightHoldsPublicationBelowItsPositionUntilItCommits() throws Exception {
        caughtUp();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        long[] latePosition = new long[1];
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> late = slow.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.append("unit:9901", 0, "test", new UnitRenamed("9901", "Late", "Early"));
                latePosition[0] = store.read("unit:9901").get(0).position();
                appended.countDown();
                awaitQuietly(commit);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> store.append("unit:9902", 0, "test",
                    new UnitRenamed("9902", "Early", "Late")));
            long earlyPosition = store.read("unit:9902").get(0).position();
            assertThat(earlyPosition).isGreaterThan(latePosition[0]);
            relay.wake();

            await().atMost(Duration.ofSeconds(30)).until(relay::waitingForTransactionsInFlight);
            assertThat(storedPosition()).isLessThan(latePosition[0]);
            assertThat(RelayTopic.readToEnd(s -> s.equals("unit:9901") || s.equals("unit:9902"))).isEmpty();
            assertThat(relay.backlog()).isEqualTo(1); // the committed one; the other is not committed yet

            commit.countDown();
            late.get(30, TimeUnit.SECONDS);
            relay.wake();
            caughtUp();
            assertThat(storedPosition()).isGreaterThanOrEqualTo(earlyPosition);
            List<Delivery> deliveries = RelayTopic.readToEnd(s -> s.equals("unit:9901") || s.equals("unit:9902"));
            assertThat(deliveries).extracting(Delivery::streamId).containsExactlyInAnyOrder("unit:9901", "unit:9902");
        } finally {
            commit.countDown();
            slow.shutdownNow();
        }
    }

    /** A transaction in flight below committed events rolls back: the relay passes over its position. */
    @Test
    void aTransactionThatRollsBackLeavesAGapThatThePublicationPassesOver() throws Exception {
        caughtUp();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch rollBack = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> failing = slow.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.append("unit:9903", 0, "test", new UnitRenamed("9903", "Never", "Before"));
                appended.countDown();
                awaitQuietly(rollBack);
                throw new IllegalStateException("rolled back on purpose");
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> store.append("unit:9904", 0, "test",
                    new UnitRenamed("9904", "After", "Before")));
            relay.wake();
            await().atMost(Duration.ofSeconds(30)).until(relay::waitingForTransactionsInFlight);
            rollBack.countDown();
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("rolled back on purpose");
            relay.wake();
            caughtUp();
            assertThat(store.read("unit:9903")).isEmpty();
            assertThat(RelayTopic.readToEnd(s -> s.equals("unit:9903") || s.equals("unit:9904")))
                    .extracting(Delivery::streamId).containsExactly("unit:9904");
        } finally {
            rollBack.countDown();
            slow.shutdownNow();
        }
    }

    /**
     * The relay's connection dies after the broker acknowledged a batch and before the relay stored its new
     * position (the row of relay_state is held locked meanwhile, then the relay's session is terminated). The relay
     * takes its lock again, goes on from the stored position and publishes the batch again: every event at least
     * once (those of the interrupted batch twice, the idempotent consumers' part), each stream in order.
     */
    @Test
    void aCrashBetweenPublicationAndTheStoredPositionPublishesTheBatchAgainAndLosesNothing() throws Exception {
        caughtUp();
        long before = storedPosition();
        Set<String> wanted;
        Set<String> beforeCrash;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("select position from relay_state for update").close();
            }
            QuarkusTransaction.requiringNew().run(() -> store.append("test", List.of(
                    new EventStore.Append("unit:9905", 0, List.of(new UnitRenamed("9905", "A", "0"),
                            new UnitRenamed("9905", "B", "A"), new UnitRenamed("9905", "C", "B"))),
                    new EventStore.Append("unit:9906", 0, List.of(new UnitRenamed("9906", "A", "0"),
                            new UnitRenamed("9906", "B", "A"))))));
            relay.wake();
            wanted = ids(store.read("unit:9905"), store.read("unit:9906"));

            // published and acknowledged, then waiting to store the position
            long relayPid = relayBackend();
            await().atMost(Duration.ofSeconds(60)).until(() -> waitsForALock(relayPid));
            beforeCrash = RelayTopic.counts(RelayTopic.readToEnd(RelayCorrectnessTest::crashStream)).keySet();
            assertThat(beforeCrash).isNotEmpty().isSubsetOf(wanted);
            assertThat(storedPosition(blocker)).isEqualTo(before);

            try (PreparedStatement kill = blocker.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, (int) relayPid);
                kill.executeQuery().close();
            }
            blocker.rollback();
        }

        caughtUp();
        List<Delivery> deliveries = RelayTopic.readToEnd(RelayCorrectnessTest::crashStream);
        Map<String, Integer> counts = RelayTopic.counts(deliveries);
        assertThat(counts).containsOnlyKeys(wanted);
        counts.forEach((id, count) -> assertThat(count).as("deliveries of " + id)
                .isEqualTo(beforeCrash.contains(id) ? 2 : 1));
        // each stream in order in every delivery: a run of its versions, then (republished) a run again
        RelayTopic.versions(deliveries).forEach((stream, versions) -> {
            List<Long> first = versions.stream().distinct().toList();
            assertThat(first).as(stream).isSorted();
            assertThat(versions.subList(0, first.size())).as(stream).isEqualTo(first);
        });
        assertThat(RelayTopic.versions(deliveries).get("unit:9905")).containsSubsequence(1L, 2L, 3L);
    }

    /**
     * An event written before the key was stored with it (the rows of the first releases, published again from an
     * earlier position) goes out with its payload's partition key, as it did then.
     */
    @Test
    void anEventWithoutAStoredKeyIsPublishedWithItsPayloadsKey() throws Exception {
        caughtUp();
        relay.suspend();
        try {
            QuarkusTransaction.requiringNew().run(() -> store.append("unit:9907", 0, "test",
                    new UnitRenamed("9907", "A", "0")));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update event_log set message_key = null where stream_id = 'unit:9907'"))
                        .isOne();
            }
        } finally {
            relay.resume();
        }
        caughtUp();
        assertThat(RelayTopic.readToEnd(s -> s.equals("unit:9907"))).extracting(Delivery::key)
                .containsExactly(new UnitRenamed("9907", "A", "0").partitionKey());
    }

    private static boolean crashStream(String stream) {
        return stream.equals("unit:9905") || stream.equals("unit:9906");
    }

    /** One transaction: one to three events on one or two streams; some wait before committing, some roll back. */
    private void writeSomething(AtomicInteger rolledBack) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean fail = random.nextInt(10) == 0;
        int one = random.nextInt(12);
        int other = random.nextBoolean() ? random.nextInt(12) : one;
        for (int attempt = 0; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // streams in one order in every transaction: conflicts, but no deadlocks
                    List<EventStore.Append> appends = new ArrayList<>();
                    appends.add(append(Math.min(one, other), 1 + random.nextInt(3)));
                    if (other != one) {
                        appends.add(append(Math.max(one, other), 1));
                    }
                    store.append("test", appends);
                    if (random.nextInt(3) == 0) {
                        sleep(random.nextInt(1, 20));
                    }
                    if (fail) {
                        throw new IllegalStateException("rolled back on purpose");
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (causedBy(e, ConcurrencyConflictException.class) != null) {
                    assertThat(attempt).isLessThan(100);
                    continue;
                }
                Throwable cause = causedBy(e, IllegalStateException.class);
                if (cause == null || !"rolled back on purpose".equals(cause.getMessage())) {
                    throw e;
                }
                rolledBack.incrementAndGet();
                return;
            }
        }
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private EventStore.Append append(int stream, int events) {
        String streamId = concurrentStream(stream);
        String unit = streamId.substring("unit:".length());
        long version = store.version(streamId);
        List<UnitRenamed> renames = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            renames.add(new UnitRenamed(unit, "v" + (version + i), "v" + (version + i - 1)));
        }
        return new EventStore.Append(streamId, version, renames);
    }

    private static String concurrentStream(int s) {
        return "unit:97" + (s < 10 ? "0" : "") + s;
    }

    /** Waits until the relay has stored every position taken so far as published (gaps included). */
    private void caughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0 && storedPosition() >= lastPosition());
    }

    private long storedPosition() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return storedPosition(c);
        }
    }

    private static long storedPosition(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select position from relay_state")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long lastPosition() throws SQLException {
        return single("select coalesce(pg_sequence_last_value(pg_get_serial_sequence('event_log', 'position')"
                + "::regclass), 0)");
    }

    /** The backend holding the relay's advisory lock ("mrs-outbox" as a bigint key). */
    private long relayBackend() throws SQLException {
        return single("select pid from pg_locks where locktype = 'advisory' and granted and objsubid = 1"
                + " and classid::bigint = 7172723 and objid::bigint = 762279284"
                + " and database = (select oid from pg_database where datname = current_database())");
    }

    private boolean waitsForALock(long pid) throws SQLException {
        return single("select count(*) from pg_stat_activity where pid = " + pid
                + " and wait_event_type = 'Lock' and query like 'update relay_state%'") == 1;
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    @SafeVarargs
    private static Set<String> ids(List<StoredEvent>... lists) {
        Set<String> ids = new java.util.HashSet<>();
        for (List<StoredEvent> list : lists) {
            list.forEach(e -> ids.add(e.eventId().toString()));
        }
        return ids;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
