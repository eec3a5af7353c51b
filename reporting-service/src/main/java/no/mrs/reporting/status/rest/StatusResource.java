package no.mrs.reporting.status.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.Topics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "How far the read models have got")
public class StatusResource {

    @Inject
    ReadModels models;

    @Inject
    Topics topics;

    @Inject
    ReadAccess access;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartitionStatus(String topic, int partition, Long lastAppliedOffset, long endOffset, long lag,
            Instant lastEventTime, Instant lastAppliedAt) {
    }

    public record ProjectionStatus(String slot, @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf, long lag,
            List<PartitionStatus> partitions) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Per topic and partition: the last applied offset, the broker's end offset, the lag (records"
            + " not yet applied) and the time of the last applied event")
    public ProjectionStatus status() {
        access.requireForStatus();
        Map<PartitionId, Long> ends = topics.endOffsets();
        Map<PartitionId, Position> applied = models.read(model -> new TreeMap<>(model.positions()));
        Map<PartitionId, Long> all = new TreeMap<>(ends);
        applied.keySet().forEach(p -> all.putIfAbsent(p, 0L));
        List<PartitionStatus> partitions = new ArrayList<>();
        long total = 0;
        for (Map.Entry<PartitionId, Long> entry : all.entrySet()) {
            Position position = applied.get(entry.getKey());
            long next = position == null ? 0 : position.nextOffset();
            long lag = Math.max(0, entry.getValue() - next);
            total += lag;
            partitions.add(new PartitionStatus(entry.getKey().topic(), entry.getKey().partition(),
                    position == null ? null : position.nextOffset() - 1, entry.getValue(), lag,
                    position == null ? null : position.eventTime(), position == null ? null : position.appliedAt()));
        }
        return new ProjectionStatus(models.activeSlot().schema, models.read(m -> m.asOf()), total, partitions);
    }
}
