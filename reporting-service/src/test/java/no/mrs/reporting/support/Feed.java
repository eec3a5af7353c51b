package no.mrs.reporting.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.platform.events.CloudEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes contract records to the real broker as the producers do: a CloudEvent in structured JSON with the
 * stream extensions and the actor in {@code data}, on the topic of the producing service, keyed by the record's
 * partition key. Stream versions are counted across the whole test JVM, since every test class feeds the same
 * broker and read models.
 */
public final class Feed {

    public static final String GOAL_TOPIC = "mrs.goal-events";
    public static final String RESULT_TOPIC = "mrs.result-events";

    private static final Map<String, Long> VERSIONS = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A record as it went to the broker, so that a test can send it again. */
    public record Sent(String topic, String key, String json) {
    }

    private Feed() {
    }

    /** Publishes the events, each as the next version of its stream, happening now. */
    public static List<Sent> send(EventPayload... events) {
        return sendAt(Instant.now(), events);
    }

    /** Publishes the events as happening at {@code time}. */
    public static List<Sent> sendAt(Instant time, EventPayload... events) {
        List<Sent> sent = new ArrayList<>();
        for (EventPayload event : events) {
            long version = VERSIONS.merge(event.streamId(), 1L, Long::sum);
            Sent record = new Sent(topicOf(event), event.partitionKey(), cloudEvent(event, version, time));
            // what the tests feed is what the producers publish: valid against the published schemas
            EventSchemas.assertValid(record.json());
            resend(record);
            sent.add(record);
        }
        return sent;
    }

    /** Publishes the same records again (the same event ids and versions): what a retrying producer does. */
    public static void resend(Sent... records) {
        for (Sent record : records) {
            KafkaTestClient.send(TestInfrastructure.shared().bootstrapServers(), record.topic(), record.key(),
                    record.json(), Map.of("content-type", CloudEvent.CONTENT_TYPE));
        }
    }

    public static void resend(List<Sent> records) {
        resend(records.toArray(Sent[]::new));
    }

    /**
     * Publishes many events through one producer, each as the next version of its stream, happening at
     * {@code time} (for benchmarks: not validated against the schemas one by one, not awaited one by one).
     */
    public static void sendMany(Instant time, List<? extends EventPayload> events) {
        java.util.Properties props = new java.util.Properties();
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().bootstrapServers());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.StringSerializer())) {
            for (EventPayload event : events) {
                long version = VERSIONS.merge(event.streamId(), 1L, Long::sum);
                org.apache.kafka.clients.producer.ProducerRecord<String, String> record =
                        new org.apache.kafka.clients.producer.ProducerRecord<>(topicOf(event), event.partitionKey(),
                                cloudEvent(event, version, time));
                record.headers().add("content-type",
                        CloudEvent.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    public static String topicOf(EventPayload event) {
        return event instanceof ResultEvent ? RESULT_TOPIC : GOAL_TOPIC;
    }

    static String cloudEvent(EventPayload event, long version, Instant time) {
        String type = EventContracts.typeOf(event.getClass());
        ObjectNode data = MAPPER.valueToTree(event);
        data.put("actor", "test-producer");
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("specversion", CloudEvent.SPEC_VERSION);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", event instanceof ResultEvent ? "/mrs/result-service" : "/mrs/goal-service");
        envelope.put("type", type);
        envelope.put("subject", event.subject());
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", CloudEvent.SCHEMA_PREFIX + type);
        envelope.put("streamid", event.streamId());
        envelope.put("streamversion", version);
        envelope.set("data", data);
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
