package no.mrs.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;
import no.mrs.platform.jdbc.CopyIn;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only event log of a service, which is also its outbox. {@link #append} writes each event in the caller's
 * transaction, so state and publication commit or fail together; the {@link OutboxRelay} publishes the rows by
 * position after the commit.
 */
@ApplicationScoped
public class EventStore {

    /**
     * The columns an append writes, through {@code COPY event_log (…) FROM STDIN} in the given order (so positions
     * follow stream versions): the server reads the rows as they come, the JSON data as it is, with no statement to
     * plan and no arrays to build or unpack. The event log is the outbox: the relay publishes these rows by position
     * once their transaction has committed. A copy takes the same write lock an insert takes, before the position's
     * default takes the next value, which is what lets the relay tell a final range of positions from one still in
     * flight (see {@link OutboxRelay} and the migration {@code event_log_is_the_outbox}); the unique constraints are
     * checked row by row as for an insert, so a stream that moved on fails the append with the same error.
     */
    private static final String COLUMNS =
            "event_id, stream_id, stream_version, event_type, subject, occurred_at, actor, data, message_key";

    private static final String SELECT = "select position, event_id, stream_id, stream_version, event_type, subject,"
            + " occurred_at, actor, data::text from event_log";

    private static final Object WAKE_KEY = new Object();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventsConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Events to add to one stream, which must be at {@code expectedVersion} (0 for a new stream). */
    public record Append(String streamId, long expectedVersion, List<? extends EventPayload> events) {
        public Append {
            events = List.copyOf(events);
        }
    }

    /** Appends to one stream; returns its new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String streamId, long expectedVersion, String actor, EventPayload... events) {
        append(actor, List.of(new Append(streamId, expectedVersion, List.of(events))));
        return expectedVersion + events.length;
    }

    /**
     * Appends to several streams in one round trip. Throws {@link ConcurrencyConflictException} when any stream
     * is no longer at its expected version; the caller's transaction then rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String actor, List<Append> appends) {
        config.topic().orElseThrow(() -> new IllegalStateException(
                "mrs.events.topic is not configured: this service does not publish events"));
        write(actor, appends);
    }

    private void write(String actor, List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        for (Append append : appends) {
            for (EventPayload event : append.events()) {
                if (!event.streamId().equals(append.streamId())) {
                    throw new IllegalArgumentException(
                            "Event of stream " + event.streamId() + " appended to " + append.streamId());
                }
            }
        }
        String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        try (Connection connection = dataSource.getConnection();
                CopyIn copy = new CopyIn(connection, "event_log", COLUMNS)) {
            for (Append append : appends) {
                long version = append.expectedVersion();
                for (EventPayload event : append.events()) {
                    version++;
                    copy.row(UUID.randomUUID().toString(), append.streamId(), version,
                            EventContracts.typeOf(event.getClass()), event.subject(), now, actor, json(event),
                            event.partitionKey());
                }
            }
        } catch (SQLException e) {
            throw translate(e, appends);
        }
        wakeRelayAfterCommit();
    }

    private String json(EventPayload event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event not serializable", e);
        }
    }

    /** Every event of a stream, in order. */
    public List<StoredEvent> read(String streamId) {
        return query(SELECT + " where stream_id = ? order by stream_version", ps -> ps.setString(1, streamId));
    }

    /** The payloads of a stream's events, in order, as records of the stream's sealed event interface. */
    public <T extends EventPayload> List<T> load(String streamId, Class<T> type) {
        List<T> payloads = new ArrayList<>();
        for (StoredEvent event : read(streamId)) {
            EventPayload payload = payloadOf(event).orElseThrow(() -> new IllegalStateException(
                    "Stream " + streamId + " holds an event of unknown type " + event.type()));
            payloads.add(type.cast(payload));
        }
        return payloads;
    }

    /** Events after a log position, in order: for rebuilding state or feeding a projection. */
    public List<StoredEvent> readAfter(long position, int limit) {
        return query(SELECT + " where position > ? order by position limit ?", ps -> {
            ps.setLong(1, position);
            ps.setInt(2, limit);
        });
    }

    /** The current version of a stream, 0 when it has no events. */
    public long version(String streamId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "select coalesce(max(stream_version), 0) from event_log where stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading stream " + streamId + " failed", e);
        }
    }

    /** The payload record of a stored event; unknown types are empty (never silently mis-read). */
    public Optional<EventPayload> payloadOf(StoredEvent event) {
        return EventContracts.classOf(event.type()).map(type -> {
            try {
                return lenientReader().forType(type).readValue(event.data());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Event " + event.eventId() + " does not match " + event.type(), e);
            }
        });
    }

    ObjectReader lenientReader() {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<StoredEvent> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(map(rs, mapper));
                }
            }
            return Collections.unmodifiableList(events);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Reading the event log failed", e);
        }
    }

    static StoredEvent map(ResultSet rs, ObjectMapper mapper) throws SQLException, JsonProcessingException {
        JsonNode data = mapper.readTree(rs.getString(9));
        return new StoredEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), data);
    }

    private RuntimeException translate(SQLException e, List<Append> appends) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("event_log_stream_version_uk")) {
                String stream = appends.size() == 1 ? appends.get(0).streamId() : streamIn(sql.getMessage(), appends);
                return new ConcurrencyConflictException(stream);
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // a service's own unique index on the log (result-service: a measurement id to one event) met an
                // event a concurrent transaction committed first: judged again, the caller sees it
                return new ConcurrencyConflictException(appends.size() == 1 ? appends.get(0).streamId() : "?");
            }
        }
        return new IllegalStateException("Appending events failed", e);
    }

    private static String streamIn(String message, List<Append> appends) {
        for (Append append : appends) {
            if (message.contains("(" + append.streamId() + ",")) {
                return append.streamId();
            }
        }
        return "?";
    }

    private static Throwable next(Throwable t) {
        if (t instanceof BatchUpdateException batch && batch.getNextException() != null) {
            return batch.getNextException();
        }
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE || transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
