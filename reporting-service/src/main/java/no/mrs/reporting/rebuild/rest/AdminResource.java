package no.mrs.reporting.rebuild.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.rebuild.Checksum;
import no.mrs.reporting.rebuild.RebuildRow;
import no.mrs.reporting.rebuild.RebuildService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Rebuilding the read models from the topics, and comparing them;"
        + " for the operator role only")
public class AdminResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    RebuildService rebuilds;

    @Inject
    ReadModels models;

    @Inject
    Caller caller;

    public record Started(UUID rebuildId) {
    }

    public record Progress(UUID rebuildId, RebuildRow.State state, long eventsApplied, long eventsTotal, int percent,
            String targetSlot, String requestedBy, Instant startedAt, Instant finishedAt, String error) {
    }

    public record ChecksumView(String slot, String checksum, long units, long indicators, long goals, long results,
            long streams) {
    }

    @POST
    @Path("rebuilds")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "startRebuild", summary = "Rebuild the read models: replay both topics from the beginning into fresh tables with a"
            + " fresh consumer, and switch over atomically once caught up; reads answer from the old models until"
            + " then. 202 with the rebuild's id; 409 while another rebuild runs.")
    public Response start() {
        UUID id = rebuilds.start(caller.subject());
        return Response.accepted(new Started(id)).location(java.net.URI.create("/api/admin/rebuilds/" + id)).build();
    }

    @GET
    @Path("rebuilds/{rebuildId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "getRebuild", summary = "A rebuild's state (RUNNING, COMPLETED, FAILED), events applied, events total and percent")
    public Progress get(@PathParam("rebuildId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String rebuildId) {
        RebuildRow row = rebuilds.find(UUID.fromString(rebuildId))
                .orElseThrow(() -> ProblemException.notFound("Rebuild " + rebuildId + " does not exist"));
        int percent = row.state == RebuildRow.State.COMPLETED || row.eventsTotal == 0 ? 100
                : (int) Math.min(100, row.eventsApplied * 100 / row.eventsTotal);
        return new Progress(row.rebuildId, row.state, row.eventsApplied, row.eventsTotal, percent, row.targetSlot,
                row.requestedBy, row.startedAt, row.finishedAt, row.error);
    }

    @GET
    @Path("checksum")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "getChecksum", summary = "A SHA-256 digest of the active read models' content (units and spells, indicators, goals,"
            + " results, applied stream versions; not offsets or times): equal for equal content")
    public ChecksumView checksum() {
        return models.readWhole(model -> {
            Checksum.Digest d = Checksum.of(model);
            return new ChecksumView(models.activeSlot().schema, d.checksum(), d.units(), d.indicators(), d.goals(),
                    d.results(), d.streams());
        });
    }
}
