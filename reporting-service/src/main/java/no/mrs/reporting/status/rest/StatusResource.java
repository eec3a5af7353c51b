package no.mrs.reporting.status.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.status.ProjectionLag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "How far the read models have got")
public class StatusResource {

    @Inject
    ReadModels models;

    @Inject
    ProjectionLag lag;

    @Inject
    ReadAccess access;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartitionStatus(String topic, int partition, Long lastAppliedOffset, long endOffset, long lag,
            Instant lastEventTime, Instant lastAppliedAt) {
    }

    public record ProjectionStatus(String slot, @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf, long lag,
            List<PartitionStatus> partitions,
            @Schema(description = "The active slot's generation this replica answers from: counts up with every"
                    + " rebuild's switch; equal on every replica once each has followed the switch") long generation,
            @Schema(description = "Whether this replica is the one that saves the read models (the leader, holding"
                    + " the slot's advisory lock, and caught up with what the slot held when it took over); every"
                    + " replica answers reads from its own copy") boolean leader) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "getStatus", summary = "Per topic and partition: the last applied offset, the broker's end offset, the lag (records"
            + " not yet applied) and the time of the last applied event")
    public ProjectionStatus status() {
        access.requireForStatus();
        List<PartitionStatus> partitions = new ArrayList<>();
        long total = 0;
        for (ProjectionLag.PartitionLag p : lag.partitions()) {
            Position position = p.applied();
            total += p.lag();
            partitions.add(new PartitionStatus(p.partition().topic(), p.partition().partition(),
                    position == null ? null : position.nextOffset() - 1, p.endOffset(), p.lag(),
                    position == null ? null : position.eventTime(), position == null ? null : position.appliedAt()));
        }
        return new ProjectionStatus(models.activeSlot().schema, models.read(m -> m.asOf()), total, partitions,
                models.generation(), models.saving());
    }
}
