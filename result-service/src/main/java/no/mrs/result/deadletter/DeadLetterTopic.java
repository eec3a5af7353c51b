package no.mrs.result.deadletter;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.problem.Unavailable;
import no.mrs.result.recording.kafka.SubmissionConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads {@code mrs.result-submissions.dlq} for operators, by position: each call assigns the partitions itself (no
 * consumer group, nothing committed), so listing never moves anybody's offsets.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Duration POLL = Duration.ofMillis(200);
    /** How long one read may wait for the broker before answering 503. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @ConfigProperty(name = "mp.messaging.outgoing.result-submissions-dlq.topic")
    String topic;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A record of the dead-letter topic with the headers the consumer wrote. */
    public record Letter(String topic, int partition, long offset, Instant deadLetteredAt, String key, String value,
            String reason, String errors, String originalTopic, Integer originalPartition, Long originalOffset) {
    }

    public String name() {
        return topic;
    }

    /** The record at this position, if the topic has it (not yet written, or deleted by retention: empty). */
    public Optional<Letter> find(int partition, long offset) {
        List<Letter> found = read(partition, offset, 1, letter -> true, true);
        return found.isEmpty() || found.get(0).offset() != offset ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Up to {@code max} records matching {@code wanted}, in (partition, offset) order, from position
     * ({@code partition}, {@code offset}) on (inclusive).
     */
    public List<Letter> read(int partition, long offset, int max, Predicate<Letter> wanted) {
        return read(partition, offset, max, wanted, false);
    }

    private List<Letter> read(int fromPartition, long fromOffset, int max, Predicate<Letter> wanted,
            boolean onePartition) {
        List<Letter> letters = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clientConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, PATIENCE);
            if (infos == null) {
                return letters;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                    .filter(p -> onePartition ? p.partition() == fromPartition : p.partition() >= fromPartition)
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            if (partitions.isEmpty()) {
                return letters;
            }
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginnings.get(partition),
                        partition.partition() == fromPartition ? fromOffset : 0);
                long end = ends.get(partition);
                if (start >= end) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, start);
                while (consumer.position(partition, PATIENCE) < end && letters.size() < max) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new Unavailable(Unavailable.BROKER, "reading " + topic + " took too long", null);
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (record.offset() >= end || letters.size() >= max) {
                            break;
                        }
                        Letter letter = letter(record);
                        if (wanted.test(letter)) {
                            letters.add(letter);
                        }
                    }
                }
                if (letters.size() >= max) {
                    break;
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new Unavailable(Unavailable.BROKER, "the broker did not answer reading " + topic, e);
        } catch (KafkaException e) {
            throw new Unavailable(Unavailable.BROKER, "reading " + topic + " failed", e);
        }
        return letters;
    }

    private static Letter letter(ConsumerRecord<String, String> record) {
        return new Letter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), header(record, SubmissionConsumer.HEADER_REASON),
                header(record, SubmissionConsumer.HEADER_ERRORS), header(record, SubmissionConsumer.HEADER_TOPIC),
                number(header(record, SubmissionConsumer.HEADER_PARTITION), Integer::valueOf),
                number(header(record, SubmissionConsumer.HEADER_OFFSET), Long::valueOf));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "result-service-dlq-reader");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return config;
    }
}
