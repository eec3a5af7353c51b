package no.mrs.goal.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.devstack.test.RestartablePostgres;
import no.mrs.goal.events.RelayTopic.Delivery;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.events.OutboxRelay;
import no.mrs.platform.events.StoredEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * goal-service's PostgreSQL (a server of this test's own) stops and starts again while events are being committed
 * and published, with a transaction in flight that the stop aborts. Afterwards the relay goes on from the position
 * it stored: every committed event is on the topic (at least once), each stream in order, the aborted one is not,
 * and the relay does not wait for the aborted transaction.
 */
@QuarkusTest
@WithTestResource(RestartablePostgres.class)
class RelayDatabaseRestartTest {

    static final List<String> STREAMS = List.of("unit:9801", "unit:9802", "unit:9803");

    @Inject
    OutboxRelay relay;

    @Inject
    EventStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseRestartLosesNoCommittedEventAndKeepsEachStreamInOrder() throws Exception {
        for (int round = 0; round < 5; round++) {
            appendToEveryStream();
        }
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> inFlight = slow.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.append("unit:9810", 0, "test", new UnitRenamed("9810", "Aborted", "Before"));
                appended.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            for (int round = 0; round < 5; round++) {
                appendToEveryStream();
            }
            relay.wake();

            RestartablePostgres.stopServer();
            finish.countDown();
            try {
                inFlight.get(60, TimeUnit.SECONDS);
                throw new AssertionError("The transaction in flight committed although its server stopped");
            } catch (java.util.concurrent.ExecutionException expected) {
                // its connection was cut: the transaction is gone
            }
        } finally {
            finish.countDown();
            slow.shutdownNow();
            RestartablePostgres.startServer();
        }

        // the pool reconnects by itself; the first attempts may meet a connection cut by the restart
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            appendToEveryStream();
            return true;
        });
        relay.wake();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> relay.backlog() == 0 && storedPosition() >= lastPosition());

        List<StoredEvent> committed = new ArrayList<>();
        STREAMS.forEach(stream -> committed.addAll(store.read(stream)));
        assertThat(store.read("unit:9810")).isEmpty();
        List<Delivery> deliveries = RelayTopic.readToEnd(s -> s.startsWith("unit:98"));
        Set<String> ids = committed.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        assertThat(RelayTopic.counts(deliveries)).containsOnlyKeys(ids);
        Map<String, List<Long>> versions = RelayTopic.versions(deliveries);
        for (String stream : STREAMS) {
            // first deliveries in order (a batch cut off before its position was stored may come again)
            List<Long> first = versions.get(stream).stream().distinct().toList();
            assertThat(first).as(stream).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, store.version(stream)).boxed().toList());
        }
    }

    private void appendToEveryStream() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<EventStore.Append> appends = new ArrayList<>();
            for (String stream : STREAMS) {
                long version = store.version(stream);
                String unit = stream.substring("unit:".length());
                appends.add(new EventStore.Append(stream, version,
                        List.of(new UnitRenamed(unit, "v" + (version + 1), "v" + version))));
            }
            store.append("test", appends);
        });
    }

    private long storedPosition() throws Exception {
        return single("select position from relay_state");
    }

    private long lastPosition() throws Exception {
        return single("select coalesce(pg_sequence_last_value(pg_get_serial_sequence('event_log', 'position')"
                + "::regclass), 0)");
    }

    private long single(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
