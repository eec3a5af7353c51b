package no.mrs.reporting.scorecard.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.scorecard.Scorecard;
import no.mrs.reporting.scorecard.ScorecardCsv;
import no.mrs.reporting.scorecard.ScorecardService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;

@Path("/api/scorecards")
@Tag(name = "Scorecards", description = "The målekort of a unit for a month")
public class ScorecardResource {

    public static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";
    public static final String PERIOD_MESSAGE = "must be a month, YYYY-MM";
    public static final String CSV = "text/csv";

    @Inject
    ScorecardService scorecards;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @PermitAll
    @Operation(summary = "A unit's scorecard for a month (JSON, or CSV with Accept: text/csv)", description = "Rows:"
            + " every indicator with a goal in force for the unit (the nearest goal up the hierarchy: local, adjusted"
            + " or inherited; retired goals stop counting), plus every indicator with results in the unit's subtree"
            + " that year (goal null), ordered by indicator id within each perspective. Figures: ratio of sums over"
            + " the offices that belonged to the unit in each month (RATIO ×100, COUNT summed, SCORE"
            + " respondent-weighted), year to date = January..the month, last year = the same months a year earlier"
            + " with that time's hierarchy; null = no data. Trend: months M-2..M against M-5..M-3, FLAT within 1 %."
            + " Status: year to date against the target by direction, NEAR_TARGET within 5 %, NO_TARGET for"
            + " monitoring. Accept: text/csv gives the målekort as CSV with its Norwegian headings.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)),
            @Content(mediaType = CSV) })
    public Response get(@PathParam("unitId") String unitId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Context HttpHeaders headers) {
        access.require();
        YearMonth month = YearMonth.parse(period);
        if (wantsCsv(headers.getAcceptableMediaTypes())) {
            Scorecard scorecard = scorecards.scorecard(unitId, month).orElseThrow(() -> unknown(unitId));
            return Response.ok(ScorecardCsv.write(scorecard), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"malekort-" + unitId + "-" + period + ".csv\"")
                    .build();
        }
        // the JSON is written once per model revision, not per request
        byte[] json = scorecards.scorecardJson(unitId, month).orElseThrow(() -> unknown(unitId));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static ProblemException unknown(String unitId) {
        return ProblemException.notFound("Unit " + unitId + " is not known");
    }

    /** JSON unless the client prefers CSV (the list is ordered by the client's preference). */
    private static boolean wantsCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }
}
