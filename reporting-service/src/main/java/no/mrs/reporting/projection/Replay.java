package no.mrs.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the topics with a consumer of its own (assigned partitions, no group): for a rebuild, and to bring a model
 * loaded from a slot level with what this replica's live consumer has already applied (after the active slot was
 * switched by a rebuild elsewhere, or after a batch failed half-applied), since the live consumer will not deliver
 * those records again.
 */
@ApplicationScoped
public class Replay {

    @Inject
    Topics topics;

    @Inject
    RecordProjector projector;

    /** A consumer without a group that never commits, for replaying. */
    public KafkaConsumer<String, String> consumer(String purpose) {
        Map<String, Object> config = topics.clientConfig();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // replaying: bigger chunks per partition than the default 1 MiB, but at most 16 MiB a fetch (not 50): the
        // fetched bytes share the heap with two read models
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + purpose + "-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls once and applies what came, reading the records' JSON in parallel first (the apply is sequential). */
    public int poll(KafkaConsumer<String, String> consumer, ReadModel model) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        List<RecordProjector.Parsed> parsed = projector.parseAll(records);
        for (int i = 0; i < records.size(); i++) {
            projector.apply(model, records.get(i), parsed.get(i));
        }
        return records.size();
    }

    /**
     * Applies to {@code model} every record from its own positions up to {@code target} (next offsets) in each
     * partition where it is behind; returns the number of records read. Applying a record twice is harmless (the
     * model passes over what it has applied), so reading past the target is too.
     */
    public long catchUp(ReadModel model, Map<PartitionId, Long> target, Duration limit) {
        Map<TopicPartition, Long> behind = new HashMap<>();
        target.forEach((p, next) -> {
            long at = model.position(p).map(Position::nextOffset).orElse(0L);
            if (at < next) {
                behind.put(new TopicPartition(p.topic(), p.partition()), next);
            }
        });
        if (behind.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        long read = 0;
        try (KafkaConsumer<String, String> consumer = consumer("catch-up")) {
            consumer.assign(new ArrayList<>(behind.keySet()));
            for (TopicPartition tp : behind.keySet()) {
                Long from = model.position(new PartitionId(tp.topic(), tp.partition())).map(Position::nextOffset)
                        .orElse(null);
                if (from == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, from);
                }
            }
            while (!behind.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + behind.keySet() + " up to " + behind
                            + " within " + limit.toSeconds() + " s");
                }
                read += poll(consumer, model);
                // the consumer's position, not the model's: a partition may end in records that are not delivered
                behind.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return read;
    }
}
