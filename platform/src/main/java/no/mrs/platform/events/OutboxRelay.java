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
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
 * Publishes committed outbox rows to Kafka, in log order, and deletes each row once the broker acknowledged it
 * ({@code acks=all}, idempotent producer). A crash between the broker's acknowledgement and the delete publishes
 * the event again after restart: delivery is at least once and consumers are idempotent. Only one instance per
 * database publishes at a time (a PostgreSQL advisory lock), which keeps each stream in order across replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key: "mrs-outbox" in ASCII, shared by every service (each has its own database). */
    private static final long LOCK_KEY = 0x6d72732d6f7574L;

    /**
     * The next rows after the highest position published: the outbox is a queue whose head is a trail of deleted
     * rows until vacuum clears them, and an index range scan from the last position skips that trail (a scan from
     * the start took 80 ms a batch under load). The rows are picked first, then joined to their events.
     */
    private static final String NEXT = """
            with next as materialized (
                select position, topic, message_key from outbox where position > ? order by position limit ?)
            select o.position, o.topic, o.message_key, e.event_id, e.stream_id, e.stream_version, e.event_type,
                   e.subject, e.occurred_at, e.actor, e.data::text
            from next o join event_log e on e.position = o.position
            order by o.position""";
    /**
     * Rows at or below the highest position published: a transaction that took its positions before another but
     * committed after it. Such rows are of other streams (a stream's next version is only appended after its
     * previous one committed), so publishing them late keeps every stream in order.
     */
    private static final String LATE = """
            with late as materialized (
                select position, topic, message_key from outbox where position <= ? order by position limit ?)
            select o.position, o.topic, o.message_key, e.event_id, e.stream_id, e.stream_version, e.event_type,
                   e.subject, e.occurred_at, e.actor, e.data::text
            from late o join event_log e on e.position = o.position
            order by o.position""";

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
    private KafkaProducer<String, String> producer;
    /** The highest position this relay has published since it took the lock (only the relay thread uses it). */
    private long highWater;

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
     * Stops publishing (the thread ends and releases the lock; committed rows stay in the outbox) until
     * {@link #resume()}: for operators draining a broker, and for tests of a relay killed before publication.
     */
    public synchronized void suspend() {
        stop(null);
    }

    /** Starts publishing again after {@link #suspend()}; rows left in the outbox go out in order. */
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

    /** Rows still waiting to be published. */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("select count(*) from outbox");
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
                highWater = 0; // another relay may have published meanwhile: start from the outbox's head
                try {
                    while (running) {
                        int sent = publishBatch(connection);
                        if (sent == 0) {
                            awaitWork();
                        }
                    }
                } finally {
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

    /**
     * Publishes the next batch after the highest position published so far; when that is not a full batch (the
     * relay has caught up), also any rows committed late below it. Returns how many were published.
     */
    private int publishBatch(Connection connection) throws Exception {
        int sent = publish(connection, NEXT);
        if (sent < config.outbox().batchSize()) {
            sent += publish(connection, LATE);
        }
        return sent;
    }

    private int publish(Connection connection, String query) throws Exception {
        List<Long> positions = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setLong(1, highWater);
            ps.setInt(2, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                KafkaProducer<String, String> kafka = producer();
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                    String topic = rs.getString(2);
                    String key = rs.getString(3);
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, toCloudEvent(rs));
                    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    acks.add(kafka.send(record));
                }
            }
        }
        if (positions.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where position = any(?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        highWater = Math.max(highWater, positions.get(positions.size() - 1));
        published.addAndGet(positions.size());
        lastSuccess.set(Instant.now());
        lastError.set(null);
        return positions.size();
    }

    private String toCloudEvent(ResultSet rs) throws Exception {
        String type = rs.getString(7);
        ObjectNode data = (ObjectNode) mapper.readTree(rs.getString(11));
        data.put("actor", rs.getString(10));
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, rs.getObject(4).toString(), config.source(), type,
                rs.getString(8), rs.getTimestamp(9).toInstant(), "application/json", CloudEvent.SCHEMA_PREFIX + type,
                rs.getString(5), rs.getLong(6), data);
        return mapper.writeValueAsString(event);
    }

    private KafkaProducer<String, String> producer() {
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
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
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

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                work.await(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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
