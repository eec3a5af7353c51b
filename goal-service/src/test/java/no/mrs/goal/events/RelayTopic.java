package no.mrs.goal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.mrs.devstack.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * mrs.goal-events as the relay's tests read it: every record up to the end offsets of the moment of reading, in
 * partition and offset order, as (event id, stream, version). Read after the relay reported its backlog empty, it
 * holds everything the relay published; nothing is left out because a poll came too early.
 */
final class RelayTopic {

    static final String TOPIC = "mrs.goal-events";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Delivery(int partition, long offset, String key, String eventId, String streamId, long version) {
    }

    private RelayTopic() {
    }

    /** Every delivery of an event whose stream the filter accepts. */
    static List<Delivery> readToEnd(Predicate<String> streams) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Delivery> deliveries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The topic could not be read to its end offsets " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(TOPIC, record.partition()))) {
                        JsonNode event = json(record.value());
                        String stream = event.path("streamid").asText();
                        if (streams.test(stream)) {
                            deliveries.add(new Delivery(record.partition(), record.offset(), record.key(),
                                    event.path("id").asText(), stream, event.path("streamversion").asLong()));
                        }
                    }
                }
            }
        }
        deliveries.sort(Comparator.comparingInt(Delivery::partition).thenComparingLong(Delivery::offset));
        return deliveries;
    }

    /** How often each event id was delivered. */
    static Map<String, Integer> counts(List<Delivery> deliveries) {
        Map<String, Integer> counts = new HashMap<>();
        deliveries.forEach(d -> counts.merge(d.eventId(), 1, Integer::sum));
        return counts;
    }

    /** Each stream's versions in the order the topic holds them, all deliveries. */
    static Map<String, List<Long>> versions(List<Delivery> deliveries) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        deliveries.forEach(d -> versions.computeIfAbsent(d.streamId(), s -> new ArrayList<>()).add(d.version()));
        return versions;
    }

    private static JsonNode json(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + value, e);
        }
    }
}
