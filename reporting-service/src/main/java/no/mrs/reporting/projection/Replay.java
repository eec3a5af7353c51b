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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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

    /**
     * A consumer without a group that never commits, for replaying. It hands over the values as they came (UTF-8
     * bytes: {@link RecordProjector#parse} reads them without making strings of them) and no keys (the records'
     * order is the partitions' and nothing else of the key is used).
     */
    public KafkaConsumer<Void, byte[]> consumer(String purpose) {
        Map<String, Object> config = topics.clientConfig();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // 500 records a poll, not more: a poll's records and what is read from them are held until they are applied
        // (one poll waiting, one being read, one applied), and at 2,000 a poll they outlived young collections, were
        // promoted with the read models and filled the old generation, so that a rebuild in 256 MB ran a full
        // collection about every second (measured: a rebuild at NAV's size 16 s with 2,000, 13 s with 500 or 250)
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // replaying: a fetch's answer is read into one buffer, and one of half G1's region or more (512 KiB in a heap
        // under 2 GB) is "humongous": it takes whole regions of its own, next to each other, which a heap shared
        // with two read models in 256 MB often has only after a full collection (with 1 MiB a partition and 4 MiB
        // a fetch, a rebuild at NAV's size ran a full collection about every second). So at most 448 KiB an
        // answer, 256 KiB a partition (the relays' producers batch at most 256 KiB, so a batch always fits).
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 448 * 1024);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + purpose + "-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, (topic, key) -> null, new ByteArrayDeserializer());
    }

    /** Polls once and applies what came, reading the records' JSON in parallel first (the apply is sequential). */
    public int poll(KafkaConsumer<Void, byte[]> consumer, ReadModel model) {
        return poll(consumer, model, null);
    }

    /** Where a replay's time goes, in nanoseconds (for the rebuild's log line). */
    public static final class Timings {
        public long fetch;
        public long parse;
        public long apply;

        @Override
        public String toString() {
            return String.format("fetch %.1f s, parse %.1f s, apply %.1f s", fetch / 1e9, parse / 1e9, apply / 1e9);
        }
    }

    /** {@link #poll(KafkaConsumer, ReadModel)}, adding the time of each step to {@code timings} (may be null). */
    public int poll(KafkaConsumer<Void, byte[]> consumer, ReadModel model, Timings timings) {
        long t0 = System.nanoTime();
        List<ConsumerRecord<Void, byte[]>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        long t1 = System.nanoTime();
        List<RecordProjector.Parsed> parsed = projector.parseAll(records);
        long t2 = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            projector.apply(model, records.get(i), parsed.get(i));
        }
        if (timings != null) {
            timings.fetch += t1 - t0;
            timings.parse += t2 - t1;
            timings.apply += System.nanoTime() - t2;
        }
        return records.size();
    }

    /** Records polled and read, in the order the consumer gave them, ready to apply. */
    public record Batch(List<ConsumerRecord<Void, byte[]>> records, List<RecordProjector.Parsed> parsed) {
    }

    /** Applies a batch read by a {@link Prefetch}, in its order. */
    public void apply(Batch batch, ReadModel model) {
        for (int i = 0; i < batch.records().size(); i++) {
            projector.apply(model, batch.records().get(i), batch.parsed().get(i));
        }
    }

    /**
     * Polls and reads records on a thread of its own, a few polls ahead of the thread that applies them: a rebuild's
     * fetching and JSON reading overlap its apply (on another core) instead of alternating with it. The records of a
     * partition come in offset order, and batches are handed over in the order they were polled, so applying them
     * one after the other applies every stream in order. It stops once the consumer's position has reached
     * {@code end} (next offsets) in every partition; the consumer is the caller's again after {@link #close()}.
     */
    public Prefetch prefetch(KafkaConsumer<Void, byte[]> consumer, Map<PartitionId, Long> end, Timings timings) {
        return new Prefetch(consumer, end, timings);
    }

    public final class Prefetch implements AutoCloseable {
        private static final Batch END = new Batch(List.of(), List.of());
        /** At most this many batches wait to be applied (each at most max.poll.records): bounds the heap they take. */
        private final java.util.concurrent.BlockingQueue<Batch> ready = new java.util.concurrent.ArrayBlockingQueue<>(1);
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread thread;
        private volatile boolean closed;
        private boolean ended;

        private Prefetch(KafkaConsumer<Void, byte[]> consumer, Map<PartitionId, Long> end, Timings timings) {
            Map<TopicPartition, Long> until = new HashMap<>();
            end.forEach((p, next) -> until.put(new TopicPartition(p.topic(), p.partition()), next));
            thread = new Thread(() -> {
                try {
                    while (!closed) {
                        // the consumer's position, not a model's: a partition may end in records never delivered
                        until.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                        if (until.isEmpty()) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        List<ConsumerRecord<Void, byte[]>> records = new ArrayList<>();
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        long t1 = System.nanoTime();
                        List<RecordProjector.Parsed> parsed = projector.parseAll(records);
                        if (timings != null) {
                            timings.fetch += t1 - t0;
                            timings.parse += System.nanoTime() - t1;
                        }
                        if (!records.isEmpty()) {
                            ready.put(new Batch(records, parsed));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    if (!closed) {
                        failure.set(e);
                    }
                } finally {
                    try {
                        if (closed) {
                            ready.offer(END); // nobody takes any more: never wait
                        } else {
                            ready.put(END);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "read-model-rebuild-fetch");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch to apply, waiting for it; null once every record up to the end has been handed over. */
        public Batch next() {
            if (ended) {
                return null;
            }
            Batch batch;
            try {
                batch = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while replaying", e);
            }
            if (batch == END) {
                ended = true;
                RuntimeException e = failure.get();
                if (e != null) {
                    throw e;
                }
                return null;
            }
            return batch;
        }

        /** Stops fetching (if it has not stopped by itself) and waits for the thread to end. */
        @Override
        public void close() {
            closed = true;
            ready.clear();
            try {
                thread.join(5_000);
                if (thread.isAlive()) {
                    thread.interrupt();
                    ready.clear();
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        try (KafkaConsumer<Void, byte[]> consumer = consumer("catch-up")) {
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
