package no.mrs.devstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import no.mrs.devstack.bench.Api;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/** What result-service published on mrs.result-events: per measurementId, the distinct event ids and record count. */
final class Published {

    final Map<String, Set<String>> eventIds = new HashMap<>();
    final Map<String, Integer> records = new HashMap<>();

    static Published read(String bootstrapServers, String prefix, Set<String> expected, Duration timeout)
            throws IOException {
        Published published = new Published();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("mrs.result-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int quietPolls = 0;
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : batch) {
                    JsonNode event = Api.JSON.readTree(record.value());
                    String id = event.path("data").path("measurementId").asText();
                    if (id.startsWith(prefix)) {
                        published.eventIds.computeIfAbsent(id, k -> new HashSet<>()).add(event.path("id").asText());
                        published.records.merge(id, 1, Integer::sum);
                    }
                }
                quietPolls = batch.isEmpty() ? quietPolls + 1 : 0;
                if (quietPolls >= 4 && published.eventIds.keySet().containsAll(expected)) {
                    break;
                }
            }
        }
        return published;
    }

    /** A line saying what is missing or doubled, or null when every expected id was stored and published once. */
    String verdict(Set<String> expected) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(eventIds.keySet());
        long storedTwice = eventIds.entrySet().stream().filter(e -> e.getValue().size() > 1).count();
        Set<String> unexpected = new HashSet<>(eventIds.keySet());
        unexpected.removeAll(expected);
        if (missing.isEmpty() && storedTwice == 0 && unexpected.isEmpty()) {
            return null;
        }
        return missing.size() + " acknowledged but never published (e.g. " + missing.stream().limit(3).toList()
                + "), " + storedTwice + " stored more than once, " + unexpected.size() + " published but never acknowledged";
    }

    long redeliveries() {
        return records.values().stream().mapToLong(n -> n).sum() - records.size();
    }
}
