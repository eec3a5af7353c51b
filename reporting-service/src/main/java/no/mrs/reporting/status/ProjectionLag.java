package no.mrs.reporting.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the read models are behind the topics: per partition the broker's end offset against the next offset to
 * apply. Behind {@code GET /api/status}, and {@code mrs_projection_lag_records} for Prometheus (deploy/'s consumer-lag
 * alert), which asks the broker at most every few seconds however often it is scraped.
 */
@ApplicationScoped
public class ProjectionLag {

    private static final long GAUGE_CACHE_NANOS = 5_000_000_000L;

    @Inject
    ReadModels models;

    @Inject
    Topics topics;

    @Inject
    MeterRegistry registry;

    private long measuredAt;
    private double lastTotal = Double.NaN;

    public record PartitionLag(PartitionId partition, Position applied, long endOffset, long lag) {
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("mrs.projection.lag.records", this, ProjectionLag::cachedTotal)
                .description("Records on mrs.goal-events and mrs.result-events not yet applied to the read models")
                .register(registry);
    }

    /** Every partition of both topics, and those the models have applied. */
    public List<PartitionLag> partitions() {
        Map<PartitionId, Long> ends = topics.endOffsets();
        Map<PartitionId, Position> applied = models.read(model -> new TreeMap<>(model.positions()));
        Map<PartitionId, Long> all = new TreeMap<>(ends);
        applied.keySet().forEach(p -> all.putIfAbsent(p, 0L));
        List<PartitionLag> out = new ArrayList<>();
        for (Map.Entry<PartitionId, Long> entry : all.entrySet()) {
            Position position = applied.get(entry.getKey());
            long next = position == null ? 0 : position.nextOffset();
            out.add(new PartitionLag(entry.getKey(), position, entry.getValue(), Math.max(0, entry.getValue() - next)));
        }
        return out;
    }

    private synchronized double cachedTotal() {
        long now = System.nanoTime();
        if (measuredAt == 0 || now - measuredAt > GAUGE_CACHE_NANOS) {
            measuredAt = now;
            try {
                lastTotal = partitions().stream().mapToLong(PartitionLag::lag).sum();
            } catch (RuntimeException e) {
                // broker or database unreachable: no figure rather than a wrong one
                lastTotal = Double.NaN;
            }
        }
        return lastTotal;
    }
}
