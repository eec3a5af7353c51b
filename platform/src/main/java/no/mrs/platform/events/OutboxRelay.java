package no.mrs.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the event log to Kafka in position order: the event log is the outbox. The relay keeps where publication
 * stands in {@code relay_state} (every event at or below that position is acknowledged by the broker, {@code acks=all},
 * idempotent producer) and moves it on only after the broker acknowledged a batch. A crash between the acknowledgement
 * and that update publishes the batch again after restart: delivery is at least once and consumers are idempotent.
 * Only one instance per database publishes at a time (a PostgreSQL advisory lock), which keeps each stream in order
 * across replicas; the position in the database is where a new leader, or the same one after a restart, goes on.
 *
 * <p>Transactions still in flight: a row's position is taken when it is inserted, but the row is seen only once its
 * transaction commits, so positions become visible out of order. The relay publishes only up to a <em>final</em>
 * position, one below which nothing more can appear. It reads the position sequence's last value {@code L}, then the
 * transactions that hold a write lock on {@code event_log} (an insert takes it before it takes any position and keeps
 * it until its transaction has ended, after the commit is visible); once none of those still holds it, every row at
 * or below {@code L} is either committed and visible or never will be. The relay then publishes the visible rows up
 * to {@code L} in position order. A stream's next event is appended only after its previous one committed, so it has
 * a higher position: position order keeps every stream in order, and no event is skipped because a later position
 * was published first.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key: "mrs-outbox" in ASCII, shared by every service (each has its own database). */
    private static final long LOCK_KEY = 0x6d72732d6f7574L;

    /** The events after the published position, up to the final one, in position order. */
    private static final String NEXT = """
            select position, message_key, event_id, stream_id, stream_version, event_type, subject, occurred_at, actor,
                   data::text
            from event_log where position > ? and position <= ? order by position limit ?""";

    /** The highest position taken so far (0 before the first). */
    private static final String LAST_POSITION = "select coalesce(pg_sequence_last_value("
            + "pg_get_serial_sequence('event_log', 'position')::regclass), 0)";

    /** The transactions of this database that hold the write lock an insert into event_log takes. */
    private static final String WRITERS = """
            select virtualtransaction from pg_locks
            where locktype = 'relation' and mode = 'RowExclusiveLock' and granted
              and database = (select oid from pg_database where datname = current_database())
              and relation = 'event_log'::regclass""";

    /** How many of the given transactions still hold it. */
    private static final String STILL_WRITING = WRITERS + " and virtualtransaction = any(?)";

    /** How long to wait before looking again while a final position waits for transactions in flight. */
    private static final long IN_FLIGHT_POLL_MILLIS = 10;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    /** Every event at or below this position is on the broker (as in relay_state; only the relay thread uses it). */
    private long publishedPosition;
    /** No event can appear any more at or below this position (only the relay thread uses it). */
    private long finalPosition;
    /** A position that becomes final once the transactions named have ended; null when none waits. */
    private Horizon pending;

    /** The last position taken when the writers were looked up, and those writers (virtual transaction ids). */
    private record Horizon(long position, String[] writers) {
    }

    private volatile long publishedPositionSeen;
    private volatile boolean waitingForWriters;

    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    void start(@Observes StartupEvent event) {
        if (!config.outbox().enabled() || config.topic().isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /**
     * Stops publishing (the thread ends and releases the lock; committed events wait in the event log) until
     * {@link #resume()}: for operators draining a broker, and for tests of a relay killed before publication.
     */
    public synchronized void suspend() {
        stop(null);
    }

    /** Starts publishing again after {@link #suspend()}; the events after the stored position go out in order. */
    public synchronized void resume() {
        if (thread == null || !thread.isAlive()) {
            start(null);
        }
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** Called after a commit that added outbox rows. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isLeader() {
        return leader;
    }

    public long published() {
        return published.get();
    }

    public Instant lastSuccess() {
        return lastSuccess.get();
    }

    public String lastError() {
        return lastError.get();
    }

    /** The position up to which this instance has published, as it last knew it (0 before it led). */
    public long publishedPosition() {
        return publishedPositionSeen;
    }

    /** Whether committed events wait for transactions still in flight below them before they can be published. */
    public boolean waitingForTransactionsInFlight() {
        return waitingForWriters;
    }

    /** Events committed and not yet published: those after the published position in relay_state. */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "select count(*) from event_log where position > (select position from relay_state)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!tryLock(connection)) {
                    leader = false;
                    pause(config.outbox().retryBackoff().toMillis() * 5);
                    continue;
                }
                leader = true;
                // another relay may have published meanwhile: go on from the position it stored
                publishedPosition = storedPosition(connection);
                finalPosition = publishedPosition;
                pending = null;
                try {
                    while (running) {
                        boolean waiting = advanceFinalPosition(connection);
                        waitingForWriters = waiting;
                        int sent = publish(connection);
                        if (sent == 0) {
                            awaitWork(waiting ? Math.min(IN_FLIGHT_POLL_MILLIS, config.outbox().pollInterval().toMillis())
                                    : config.outbox().pollInterval().toMillis());
                        }
                    }
                } finally {
                    waitingForWriters = false;
                    // also after a failure (the broker away): the connection goes back to the pool, and a pooled
                    // connection still holding the session lock would keep every relay out until it is closed
                    unlock(connection);
                }
            } catch (Exception e) {
                leader = false;
                lastError.set(Instant.now() + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Outbox relay failed, retrying: %s", e.getMessage());
                closeProducer();
                pause(config.outbox().retryBackoff().toMillis());
            }
        }
    }

    /** The published position stored in relay_state (the row is made if it is missing: then from the start). */
    private long storedPosition(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into relay_state (id, position) values (1, 0) on conflict (id) do nothing")) {
            insert.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("select position from relay_state where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long position = rs.getLong(1);
            publishedPositionSeen = position;
            return position;
        }
    }

    /**
     * Moves the final position on: when the transactions that held the write lock at the last look-up have ended,
     * the position taken before that look-up is final; then looks again. Returns whether a position waits for
     * transactions in flight.
     */
    private boolean advanceFinalPosition(Connection connection) throws SQLException {
        if (pending != null && ended(connection, pending)) {
            finalPosition = Math.max(finalPosition, pending.position());
            pending = null;
        }
        if (pending == null) {
            long last = lastPosition(connection); // first the position, then who may still be writing below it
            if (last > finalPosition) {
                Horizon horizon = new Horizon(last, writers(connection));
                if (horizon.writers().length == 0) {
                    finalPosition = last;
                } else {
                    pending = horizon;
                }
            }
        }
        return pending != null;
    }

    private static long lastPosition(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(LAST_POSITION); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] writers(Connection connection) throws SQLException {
        List<String> writers = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(WRITERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                writers.add(rs.getString(1));
            }
        }
        return writers.toArray(String[]::new);
    }

    private static boolean ended(Connection connection, Horizon horizon) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(STILL_WRITING)) {
            ps.setArray(1, connection.createArrayOf("text", horizon.writers()));
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        }
    }

    /**
     * Publishes the next batch of events after the published position, up to the final one, and stores the new
     * published position once the broker acknowledged them. Returns how many were published.
     */
    private int publish(Connection connection) throws Exception {
        if (finalPosition <= publishedPosition) {
            return 0;
        }
        int limit = config.outbox().batchSize();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        long last = publishedPosition;
        String topic = config.topic().orElseThrow();
        try (PreparedStatement ps = connection.prepareStatement(NEXT)) {
            ps.setLong(1, publishedPosition);
            ps.setLong(2, finalPosition);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                KafkaProducer<String, byte[]> kafka = producer();
                while (rs.next()) {
                    last = rs.getLong(1);
                    String key = rs.getString(2);
                    String type = rs.getString(6);
                    byte[] data = rs.getBytes(10); // the text as the server sent it: UTF-8
                    if (key == null) {
                        key = keyOf(type, new String(data, StandardCharsets.UTF_8), rs.getString(4));
                    }
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                            cloudEventJson(mapper, rs.getObject(3).toString(), config.source(), type, rs.getString(7),
                                    rs.getTimestamp(8).toInstant(), rs.getString(4), rs.getLong(5), rs.getString(9),
                                    data));
                    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    acks.add(kafka.send(record));
                }
            }
        }
        // fewer than a batch: everything up to the final position has been read (the rest are gaps)
        long reached = acks.size() < limit ? finalPosition : last;
        if (!acks.isEmpty()) {
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update relay_state set position = ?, updated_at = now() where id = 1 and position < ?")) {
            mark.setLong(1, reached);
            mark.setLong(2, reached);
            mark.executeUpdate();
        }
        publishedPosition = reached;
        publishedPositionSeen = reached;
        if (!acks.isEmpty()) {
            published.addAndGet(acks.size());
            lastSuccess.set(Instant.now());
            lastError.set(null);
        }
        return acks.size();
    }

    /**
     * The Kafka key of an event written before the key was stored with it (its payload's partition key), for a
     * republication from an earlier position; the stream id for a type this release does not know.
     */
    private String keyOf(String type, String data, String streamId) throws java.io.IOException {
        var payloadType = no.mrs.contracts.EventContracts.classOf(type);
        if (payloadType.isEmpty()) {
            return streamId;
        }
        no.mrs.contracts.EventPayload payload = mapper.reader()
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .forType(payloadType.get()).readValue(data);
        return payload.partitionKey();
    }

    /**
     * A stored event as a CloudEvent's JSON: byte for byte what writing a {@link CloudEvent} with the data read into a
     * tree and the actor put into it gave, without the tree: the envelope is written field by field and the data
     * copied token by token from the stored text, the actor added as its last field. (As the tree did, a decimal
     * is written as the nearest double.) Data that already names an actor at its top (no event type has one) goes the
     * long way once its name is met, so that the actor replaces it in place as before. Read and written as UTF-8
     * bytes, the stored text as the server sent it and the document as the broker gets it (no text decoded or encoded
     * in between), without the duplicate-key check (PostgreSQL's jsonb holds a key once).
     */
    static byte[] cloudEventJson(ObjectMapper mapper, String id, String source, String type, String subject,
            Instant time, String streamId, long streamVersion, String actor, byte[] data) throws java.io.IOException {
        com.fasterxml.jackson.core.util.ByteArrayBuilder out =
                new com.fasterxml.jackson.core.util.ByteArrayBuilder(data.length + 400);
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.getFactory().createGenerator(out,
                com.fasterxml.jackson.core.JsonEncoding.UTF8);
                com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(data)) {
            p.disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            // a character beyond the BMP as its four UTF-8 bytes, as text encoded to UTF-8 has it (not as two escapes)
            g.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
            g.writeStartObject();
            g.writeStringField("specversion", CloudEvent.SPEC_VERSION);
            g.writeStringField("id", id);
            if (source != null) {
                g.writeStringField("source", source);
            }
            g.writeStringField("type", type);
            if (subject != null) {
                g.writeStringField("subject", subject);
            }
            if (time != null) {
                g.writeFieldName("time");
                mapper.writeValue(g, time);
            }
            g.writeStringField("datacontenttype", "application/json");
            g.writeStringField("dataschema", CloudEvent.SCHEMA_PREFIX + type);
            if (streamId != null) {
                g.writeStringField("streamid", streamId);
            }
            g.writeNumberField("streamversion", streamVersion);
            g.writeFieldName("data");
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IllegalStateException("Stored event " + id + " has data that is not a JSON object");
            }
            int depth = 0;
            for (com.fasterxml.jackson.core.JsonToken t = p.currentToken(); t != null; t = p.nextToken()) {
                if (depth == 1 && t == com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    g.writeStringField("actor", actor);
                }
                switch (t) {
                    case START_OBJECT -> {
                        g.writeStartObject();
                        depth++;
                    }
                    case END_OBJECT -> {
                        g.writeEndObject();
                        depth--;
                    }
                    case START_ARRAY -> {
                        g.writeStartArray();
                        depth++;
                    }
                    case END_ARRAY -> {
                        g.writeEndArray();
                        depth--;
                    }
                    case FIELD_NAME -> {
                        if (depth == 1 && "actor".equals(p.currentName())) {
                            return throughTree(mapper, id, source, type, subject, time, streamId, streamVersion, actor,
                                    data);
                        }
                        g.writeFieldName(p.currentName());
                    }
                    case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    case VALUE_NUMBER_INT -> g.writeNumber(p.getText());
                    case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDoubleValue());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new IllegalStateException("Stored event " + id + " has unexpected JSON: " + t);
                }
                if (depth == 0) {
                    break;
                }
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The long way, for data that names an actor itself: the actor replaces it in place. */
    private static byte[] throughTree(ObjectMapper mapper, String id, String source, String type, String subject,
            Instant time, String streamId, long streamVersion, String actor, byte[] data) throws java.io.IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(data);
        tree.put("actor", actor);
        return mapper.writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, subject, time,
                "application/json", CloudEvent.SCHEMA_PREFIX + type, streamId, streamVersion, tree))
                .getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(2));
            } catch (Exception e) {
                LOG.debug("Closing the producer failed", e);
            }
            producer = null;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        } catch (SQLException e) {
            LOG.debug("Releasing the outbox lock failed", e);
        }
    }

    private void awaitWork(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
