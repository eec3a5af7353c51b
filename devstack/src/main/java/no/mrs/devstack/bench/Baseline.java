package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What the same machine does without MRS, measured in the same run: the raw speed of PostgreSQL and Kafka for the
 * same rows and records, and one SQL aggregate for a scorecard.
 */
final class Baseline {

    private Baseline() {
    }

    record Ingest(double jdbcRowsPerSecond, double kafkaRecordsPerSecond) {
        /** Both, one after the other, as MRS must do both for every result. */
        double combinedPerSecond() {
            return 1.0 / (1.0 / jdbcRowsPerSecond + 1.0 / kafkaRecordsPerSecond);
        }
    }

    record Reads(double requestsPerSecond, double p50Millis, double p99Millis) {
    }

    /**
     * Writes what result-service writes for each accepted result into a database of its own with the service's
     * schema (the event store's and result-service's migrations, so the same tables and indexes): the event into
     * {@code event_log} and the current value upserted into {@code result_current}, in plain JDBC batches of 1,000
     * from one connection per client, a transaction per batch; then sends the same records with a plain producer
     * ({@code acks=all}).
     */
    static Ingest ingest(Path root, Stack stack, List<ObjectNode> items) throws Exception {
        String url = database(stack, "bench_baseline");
        try (Connection c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists ingest cascade");
            s.execute("create schema ingest");
            s.execute("set search_path to ingest");
            s.execute(Files.readString(root.resolve("platform/src/main/resources/db/platform/V0_1__create_event_store.sql")));
            try (var migrations = Files.list(root.resolve("result-service/src/main/resources/db/migration"))) {
                for (Path migration : migrations.sorted(java.util.Comparator.comparingInt(Baseline::version)).toList()) {
                    s.execute(Files.readString(migration));
                }
            }
        }
        String event = """
                insert into ingest.event_log (event_id, stream_id, stream_version, event_type, subject, occurred_at, actor,
                    data, message_key)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";
        String current = """
                insert into ingest.result_current (unit_id, indicator_id, period, measurement_id, numerator, denominator,
                    value, comment, correction_reason, actor, received_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (unit_id, indicator_id, period) do update set measurement_id = excluded.measurement_id,
                    numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
                    comment = excluded.comment, correction_reason = excluded.correction_reason, actor = excluded.actor,
                    received_at = excluded.received_at, version = excluded.version""";
        BlockingQueue<List<ObjectNode>> batches = new LinkedBlockingQueue<>();
        for (int from = 0; from < items.size(); from += 1000) {
            batches.add(items.subList(from, Math.min(items.size(), from + 1000)));
        }
        long start = System.nanoTime();
        Bench.parallel(4, () -> {
            try (Connection c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
                    PreparedStatement events = c.prepareStatement(event);
                    PreparedStatement values = c.prepareStatement(current)) {
                List<ObjectNode> batch;
                while ((batch = batches.poll()) != null) {
                    c.setAutoCommit(false);
                    Timestamp now = Timestamp.from(Instant.now());
                    for (ObjectNode item : batch) {
                        String unit = item.path("unitId").asText();
                        String indicator = item.path("indicatorId").asText();
                        String period = item.path("period").asText();
                        events.setObject(1, UUID.randomUUID());
                        events.setString(2, "result:" + unit + "/" + indicator + "/" + period);
                        events.setLong(3, 1);
                        events.setString(4, "no.mrs.result.ResultRecorded.v1");
                        events.setString(5, unit);
                        events.setTimestamp(6, now);
                        events.setString(7, "bench");
                        events.setString(8, item.toString());
                        events.setString(9, unit);
                        events.addBatch();
                        values.setString(1, unit);
                        values.setString(2, indicator);
                        values.setString(3, period);
                        values.setString(4, item.path("measurementId").asText());
                        values.setBigDecimal(5, decimal(item, "numerator"));
                        values.setBigDecimal(6, decimal(item, "denominator"));
                        values.setBigDecimal(7, decimal(item, "value"));
                        values.setString(8, item.path("comment").isTextual() ? item.path("comment").asText() : null);
                        values.setString(9, null);
                        values.setString(10, "bench");
                        values.setTimestamp(11, now);
                        values.setLong(12, 1);
                        values.addBatch();
                    }
                    events.executeBatch();
                    values.executeBatch();
                    c.commit();
                }
            }
        });
        double jdbc = items.size() / ((System.nanoTime() - start) / 1e9);

        String topic = "bench.baseline-" + System.currentTimeMillis();
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ObjectNode item : items) {
                producer.send(new ProducerRecord<>(topic, item.path("unitId").asText(), cloudEventLike(item)));
            }
            producer.flush();
        }
        double kafka = items.size() / ((System.nanoTime() - start) / 1e9);
        try (Admin admin = Admin.create(adminProps)) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        return new Ingest(jdbc, kafka);
    }

    private static java.math.BigDecimal decimal(ObjectNode item, String field) {
        return item.path(field).isNumber() ? item.path(field).decimalValue() : null;
    }

    /** A migration's version: {@code V6__name.sql} is 6. */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** A record of the size MRS publishes: the item inside a CloudEvents envelope. */
    private static String cloudEventLike(ObjectNode item) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mrs/result-service\","
                + "\"type\":\"no.mrs.result.ResultRecorded.v1\",\"subject\":\"result\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"streamid\":\"result\",\"streamversion\":1,"
                + "\"data\":" + item + "}";
    }

    /**
     * The same scorecard figures from one SQL statement over a flat table of the same results (offices with their
     * region; YTD, month, this year and last): 16 clients for the same time as the MRS reads.
     */
    static Reads reads(Stack stack, int offices, String unit, int seconds) throws Exception {
        String url = database(stack, "bench_baseline");
        try (Connection c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
                Statement s = c.createStatement()) {
            s.execute("drop table if exists flat_result");
            s.execute("""
                    create table flat_result (unit_id text, region_id text, indicator_id text, period text,
                        numerator numeric, denominator numeric, value numeric)""");
            s.execute("create index flat_result_by_period on flat_result (period, region_id)");
            try (PreparedStatement ps = c.prepareStatement("insert into flat_result values (?, ?, ?, ?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (ObjectNode item : Dataset.history(0, offices)) {
                    int index = Integer.parseInt(item.path("unitId").asText()) - 6000;
                    ps.setString(1, item.path("unitId").asText());
                    ps.setString(2, Dataset.regionOf(index));
                    ps.setString(3, item.path("indicatorId").asText());
                    ps.setString(4, item.path("period").asText());
                    ps.setBigDecimal(5, item.has("numerator") ? item.path("numerator").decimalValue() : null);
                    ps.setBigDecimal(6, item.has("denominator") ? item.path("denominator").decimalValue() : null);
                    ps.setBigDecimal(7, item.has("value") ? item.path("value").decimalValue() : null);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            }
            s.execute("analyze flat_result");
        }
        String sql = """
                select indicator_id,
                  sum(numerator) filter (where period = '2021-06'), sum(denominator) filter (where period = '2021-06'),
                  sum(value) filter (where period = '2021-06'),
                  sum(numerator) filter (where period = '2020-06'), sum(denominator) filter (where period = '2020-06'),
                  sum(value) filter (where period = '2020-06'),
                  sum(numerator) filter (where period between '2021-01' and '2021-06'),
                  sum(denominator) filter (where period between '2021-01' and '2021-06'),
                  sum(value) filter (where period between '2021-01' and '2021-06'),
                  sum(numerator) filter (where period between '2020-01' and '2020-06'),
                  sum(denominator) filter (where period between '2020-01' and '2020-06'),
                  sum(value) filter (where period between '2020-01' and '2020-06')
                from flat_result
                where period between '2020-01' and '2021-06' and (? = '0000' or region_id = ?)
                group by indicator_id order by indicator_id""";
        Latencies latencies = new Latencies();
        ThreadLocal<Connection> connections = new ThreadLocal<>();
        List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        long count = Bench.concurrently(16, seconds, () -> {
            Connection c = connections.get();
            if (c == null) {
                c = DriverManager.getConnection(url, stack.postgres().user(), stack.postgres().password());
                connections.set(c);
                opened.add(c);
            }
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, unit);
                ps.setString(2, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getBigDecimal(2);
                    }
                }
            }
            latencies.record(System.nanoTime() - t0);
        });
        for (Connection c : opened) {
            c.close();
        }
        return new Reads(count / (double) seconds, latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    private static String database(Stack stack, String name) throws Exception {
        stack.postgres().ensureDatabase(name);
        return stack.postgres().jdbcUrl(name);
    }
}
