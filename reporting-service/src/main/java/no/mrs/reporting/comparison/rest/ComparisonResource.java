package no.mrs.reporting.comparison.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import no.mrs.platform.problem.Problem;
import no.mrs.reporting.export.ExportFormat;
import no.mrs.reporting.export.Table;
import no.mrs.reporting.export.Xlsx;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import no.mrs.reporting.access.AsOf;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.comparison.ComparisonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.export.ExportDocs.NOT_ACCEPTABLE;
import static no.mrs.reporting.export.ExportDocs.PROBLEM;
import static no.mrs.reporting.export.ExportDocs.SECURITY_SCHEME;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api/comparisons")
@Tag(name = "Comparisons", description = "A unit's children side by side")
public class ComparisonResource {

    @Inject
    ComparisonService comparisons;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}/{indicatorId}")
    @Produces({ MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, Xlsx.MEDIA_TYPE })
    @PermitAll
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(operationId = "getComparison", summary = "The unit's children in that month, with year-to-date and"
            + " month figures, ranked best first by the indicator's direction (by year to date, then the month;"
            + " children without data last)", description = "JSON; CSV (for Norwegian Excel: UTF-8 with a byte order"
            + " mark, semicolons, decimal comma) or .xlsx with Accept or ?format=, as a download with the columns"
            + " Rangering, Enhet ID, Enhet, Hittil i året, Denne perioden. With asOf: the children and figures as"
            + " reporting-service would have answered at that instant.")
    @APIResponse(responseCode = "200", description = "The children, best first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonService.Entry[].class)),
            @Content(mediaType = ExportFormat.CSV_TYPE), @Content(mediaType = Xlsx.MEDIA_TYPE) })
    @APIResponse(responseCode = "404", description = "The unit or the indicator is not known", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("unitId") String unitId,
            @PathParam("indicatorId") String indicatorId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION) @QueryParam("format")
            @Pattern(regexp = ExportFormat.PARAMETER, message = ExportFormat.PARAMETER_MESSAGE) String format,
            @Parameter(description = AsOf.DESCRIPTION) @QueryParam(AsOf.NAME) String asOf,
            @Context HttpHeaders headers) {
        access.require();
        java.time.Instant at = AsOf.parse(asOf);
        List<ComparisonService.Entry> entries = comparisons.compare(unitId, indicatorId, YearMonth.parse(period), at);
        ExportFormat as = ExportFormat.choose(format, headers.getAcceptableMediaTypes());
        if (as == ExportFormat.JSON) {
            return Response.ok(entries, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Table table = new Table("Sammenligning " + unitId + " " + indicatorId,
                List.of("Rangering", "Enhet ID", "Enhet", "Hittil i året", "Denne perioden"));
        for (ComparisonService.Entry e : entries) {
            table.row((double) e.rank(), e.unitId(), e.unitName(), e.yearToDate(), e.period());
        }
        return as.download(table, "sammenligning-" + unitId + "-" + indicatorId + "-" + period);
    }
}
