package no.mrs.result.outlier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.problem.Rejection;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import no.mrs.result.outlier.OutlierService;
import no.mrs.result.recording.ResultKey;
import no.mrs.result.recording.rest.ResultResource;
import no.mrs.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;

@Path("/api/results/{unitId}/{indicatorId}/{period}/outlier-confirmation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "Monthly results per office and indicator: submitted, corrected, read")
public class OutlierResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    OutlierService outliers;

    @Inject
    Caller caller;

    /** Why the figure is right after all. */
    public record ConfirmationBody(@NotBlank @Size(max = 1000) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LEADER, Roles.DIRECTORATE })
    @Operation(operationId = "confirmOutlier", summary = "Confirm, with a reason, a figure the outlier check warned"
            + " about: it is no longer marked (a leader of the office or a unit above it, or the directorate;"
            + " recorded as OutlierConfirmed)")
    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "201", description = "Confirmed: who, when and why", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutlierService.Confirmation.class)))
    @APIResponse(responseCode = "400", description = "No reason, a blank or too long one, a malformed unit or month,"
            + " a body that is not {\"reason\":\"…\"}", content = @Content(mediaType = PROBLEM,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a leader or the directorate, or a leader of another unit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No figure is reported for the office, indicator and month",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not-an-outlier: the figure carries no warning;"
            + " already-confirmed; concurrent-change: a correction got in at the same moment", content = @Content(
                    mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response confirm(
            @PathParam("unitId") @Pattern(regexp = ResultResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @PathParam("indicatorId") @Size(max = 64) String indicatorId,
            @PathParam("period") @Pattern(regexp = ResultResource.PERIOD, message = "must be a month, YYYY-MM") String period,
            @Valid @NotNull ConfirmationBody body) {
        if (body.reason().indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store a NUL in text
            throw Rejection.invalid("reason", "invalid-character", "must not contain a NUL character");
        }
        if (!caller.covers(unitId)) {
            throw ProblemException.forbidden("You may not confirm figures of unit " + unitId);
        }
        OutlierService.Confirmation confirmation = outliers.confirm(
                new ResultKey(unitId, indicatorId, YearMonth.parse(period)), body.reason(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(confirmation).build();
    }
}
