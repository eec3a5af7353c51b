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
import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.access.AsOf;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.export.ExportFormat;
import no.mrs.reporting.export.Xlsx;
import no.mrs.reporting.scorecard.OfficeScorecardService;
import no.mrs.reporting.scorecard.OfficeScorecards;
import no.mrs.reporting.scorecard.Scorecard;
import no.mrs.reporting.scorecard.ScorecardService;
import no.mrs.reporting.scorecard.ScorecardTables;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;

import static no.mrs.reporting.export.ExportDocs.NOT_ACCEPTABLE;
import static no.mrs.reporting.export.ExportDocs.PROBLEM;
import static no.mrs.reporting.export.ExportDocs.SECURITY_SCHEME;

@Path("/api/scorecards")
@Tag(name = "Scorecards", description = "The målekort of a unit for a month")
public class ScorecardResource {

    public static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";
    public static final String PERIOD_MESSAGE = "must be a month, YYYY-MM";
    public static final String CSV = ExportFormat.CSV_TYPE;

    @Inject
    ScorecardService scorecards;

    @Inject
    OfficeScorecardService offices;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}")
    @Produces({ MediaType.APPLICATION_JSON, CSV, Xlsx.MEDIA_TYPE })
    @PermitAll
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(operationId = "getScorecard",
            summary = "A unit's scorecard for a month (JSON; CSV or .xlsx with Accept or ?format=)", description = "Rows:"
            + " every indicator with a goal in force for the unit (the nearest goal up the hierarchy: local, adjusted"
            + " or inherited; retired goals stop counting), plus every indicator with results in the unit's subtree"
            + " that year (goal null), ordered by indicator id within each perspective. Figures: ratio of sums over"
            + " the offices that belonged to the unit in each month (RATIO ×100, COUNT summed, SCORE"
            + " respondent-weighted), year to date = January..the month, last year = the same months a year earlier"
            + " with that time's hierarchy; null = no data. Trend: months M-2..M against M-5..M-3, FLAT within 1 %."
            + " Status: year to date against the target by direction, NEAR_TARGET within 5 %, NO_TARGET for"
            + " monitoring. CSV (Accept: text/csv or ?format=csv) and .xlsx give the målekort with its Norwegian"
            + " headings, as a download; the CSV is for Norwegian Excel: UTF-8 with a byte order mark, semicolons,"
            + " decimal comma. With asOf: the scorecard as it was published at that instant (as reporting-service would"
            + " have answered then), each row whose figures have changed since marked with changedSince (the figures"
            + " now, the corrections and late reports, the corrections' reasons); the CSV and .xlsx give the"
            + " figures as of that instant.")
    @APIResponse(responseCode = "200", description = "The scorecard", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)),
            @Content(mediaType = CSV), @Content(mediaType = Xlsx.MEDIA_TYPE) })
    @APIResponse(responseCode = "404", description = "The unit is not known", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("unitId") String unitId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION) @QueryParam("format")
            @Pattern(regexp = ExportFormat.PARAMETER, message = ExportFormat.PARAMETER_MESSAGE) String format,
            @Parameter(description = AsOf.DESCRIPTION) @QueryParam(AsOf.NAME) String asOf,
            @Context HttpHeaders headers) {
        access.require();
        YearMonth month = YearMonth.parse(period);
        java.time.Instant at = AsOf.parse(asOf);
        ExportFormat as = ExportFormat.choose(format, headers.getAcceptableMediaTypes());
        if (at != null && as != ExportFormat.JSON) {
            Scorecard scorecard = scorecards.scorecard(unitId, month, at).orElseThrow(() -> unknown(unitId));
            return as.download(ScorecardTables.scorecard(scorecard), "malekort-" + unitId + "-" + period
                    + "-som-publisert-" + at.toString().replace(':', '-'));
        }
        if (as != ExportFormat.JSON) {
            Scorecard scorecard = scorecards.scorecard(unitId, month).orElseThrow(() -> unknown(unitId));
            return as.download(ScorecardTables.scorecard(scorecard), "malekort-" + unitId + "-" + period);
        }
        // the JSON is written once per model revision, not per request
        byte[] json = scorecards.scorecardJson(unitId, month, at).orElseThrow(() -> unknown(unitId));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{unitId}/offices")
    @Produces({ MediaType.APPLICATION_JSON, CSV, Xlsx.MEDIA_TYPE })
    @PermitAll
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(operationId = "getOfficeScorecards",
            summary = "Every office's scorecard under a unit for a month, in one sheet (JSON; CSV or .xlsx with"
                    + " Accept or ?format=)",
            description = "The offices that belonged to the unit in that month (a region's offices; every office for"
                    + " the nation; the office itself for an office), ordered by office id, each with exactly its own"
                    + " scorecard (see getScorecard). CSV and .xlsx put every office and indicator in one sheet: the"
                    + " målekort's columns with Enhet ID and Enhet first.")
    @APIResponse(responseCode = "200", description = "The offices' scorecards", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeScorecards.class)),
            @Content(mediaType = CSV), @Content(mediaType = Xlsx.MEDIA_TYPE) })
    @APIResponse(responseCode = "404", description = "The unit is not known", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public Response offices(@PathParam("unitId") String unitId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION) @QueryParam("format")
            @Pattern(regexp = ExportFormat.PARAMETER, message = ExportFormat.PARAMETER_MESSAGE) String format,
            @Context HttpHeaders headers) {
        access.require();
        ExportFormat as = ExportFormat.choose(format, headers.getAcceptableMediaTypes());
        OfficeScorecards answer = offices.offices(unitId, YearMonth.parse(period)).orElseThrow(() -> unknown(unitId));
        if (as != ExportFormat.JSON) {
            return as.download(ScorecardTables.offices(answer), "malekort-kontorer-" + unitId + "-" + period);
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static ProblemException unknown(String unitId) {
        return ProblemException.notFound("Unit " + unitId + " is not known");
    }
}
