package no.mrs.goal.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.events.StoredEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event log's append (through COPY) with the real PostgreSQL: text with every character the copy escapes comes
 * back as it was written, in the payload and in the columns; several streams' events take positions in the order
 * given, each stream's versions counting on from the expected one; a stream that moved on fails the whole append as
 * a concurrency conflict naming that stream, and leaves nothing of it behind. Streams {@code unit:991x}, used by no
 * other test.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class EventLogAppendTest {

    /** Text with what COPY's text format escapes (backslash, tab, newline, carriage return) and what JSON escapes. */
    private static final String AWKWARD = "tab\there, line\nbreak, carriage\rreturn, back\\slash, \\N, \\., "
            + "\"quoted\", {braces}, æøå – «sitat» \uD83D\uDE00, control \u0001\b\f";

    @Inject
    EventStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void textWithEveryEscapedCharacterComesBackAsWritten() {
        String actor = "actor\twith\\" + AWKWARD;
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UnitRenamed renamed = new UnitRenamed("9911", AWKWARD, "\\");
        QuarkusTransaction.requiringNew().run(() -> store.append("unit:9911", 0, actor, renamed));

        assertThat(store.load("unit:9911", UnitRenamed.class)).containsExactly(renamed);
        StoredEvent stored = store.read("unit:9911").get(0);
        assertThat(stored.actor()).isEqualTo(actor);
        assertThat(stored.streamVersion()).isEqualTo(1);
        assertThat(stored.type()).isEqualTo("no.mrs.goal.UnitRenamed.v1");
        assertThat(stored.subject()).isEqualTo(renamed.subject());
        assertThat(stored.occurredAt()).isBetween(before, Instant.now());
        assertThat(stored.data().get("name").asText()).isEqualTo(AWKWARD);
        assertThat(messageKeys("unit:9911")).containsExactly(renamed.partitionKey());
    }

    @Test
    void severalStreamsTakePositionsInTheOrderGivenEachCountingOnFromItsVersion() {
        QuarkusTransaction.requiringNew().run(() -> store.append("unit:9912", 0, "test",
                new UnitRenamed("9912", "A", "0")));
        QuarkusTransaction.requiringNew().run(() -> store.append("test", List.of(
                new EventStore.Append("unit:9913", 0, List.of(new UnitRenamed("9913", "A", "0"),
                        new UnitRenamed("9913", "B", "A"))),
                new EventStore.Append("unit:9912", 1, List.of(new UnitRenamed("9912", "B", "A"))),
                new EventStore.Append("unit:9913", 2, List.of(new UnitRenamed("9913", "C", "B"))))));

        List<StoredEvent> a = store.read("unit:9913");
        List<StoredEvent> b = store.read("unit:9912");
        assertThat(a).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(b).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L);
        assertThat(a.get(0).position()).isLessThan(a.get(1).position());
        assertThat(a.get(1).position()).isLessThan(b.get(1).position());
        assertThat(b.get(1).position()).isLessThan(a.get(2).position());
        assertThat(a.get(2).occurredAt()).isEqualTo(b.get(1).occurredAt());
    }

    @Test
    void aStreamThatMovedOnFailsTheWholeAppendAsAConflictNamingItAndLeavesNothing() {
        QuarkusTransaction.requiringNew().run(() -> store.append("unit:9915", 0, "test",
                new UnitRenamed("9915", "A", "0")));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> store.append("test", List.of(
                new EventStore.Append("unit:9914", 0, List.of(new UnitRenamed("9914", "A", "0"))),
                new EventStore.Append("unit:9915", 0, List.of(new UnitRenamed("9915", "B", "0")))))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .extracting(e -> ((ConcurrencyConflictException) e).streamId()).isEqualTo("unit:9915");

        assertThat(store.read("unit:9914")).isEmpty();
        assertThat(store.load("unit:9915", UnitRenamed.class)).containsExactly(new UnitRenamed("9915", "A", "0"));
        // the connection the failed copy used is usable again
        QuarkusTransaction.requiringNew().run(() -> store.append("unit:9915", 1, "test",
                new UnitRenamed("9915", "B", "A")));
        assertThat(store.version("unit:9915")).isEqualTo(2);
    }

    private List<String> messageKeys(String streamId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select message_key from event_log where stream_id = ? order by stream_version")) {
            ps.setString(1, streamId);
            List<String> keys = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
