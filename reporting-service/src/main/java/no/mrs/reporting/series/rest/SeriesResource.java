package no.mrs.reporting.series.rest;

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
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.access.AsOf;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.scorecard.ScorecardTables;
import no.mrs.reporting.series.SeriesPoint;
import no.mrs.reporting.series.SeriesService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.export.ExportDocs.NOT_ACCEPTABLE;
import static no.mrs.reporting.export.ExportDocs.PROBLEM;
import static no.mrs.reporting.export.ExportDocs.SECURITY_SCHEME;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api/series")
@Tag(name = "Series", description = "A unit's monthly figures for one indicator")
public class SeriesResource {

    /** The longest series served: ten years of months. */
    static final int MAX_MONTHS = 120;

    @Inject
    SeriesService series;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}/{indicatorId}")
    @Produces({ MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, Xlsx.MEDIA_TYPE })
    @PermitAll
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(operationId = "getSeries", summary = "Every month from..to (at most 120): the figure (null without"
            + " data), the sums behind it, the target in force that month, the office's comment and its outlier"
            + " mark (office series only: the figure and the expected range while the outlier check's warning is"
            + " neither confirmed nor corrected), and every comment on the figure and those it is summed from"
            + " (comments)", description = "JSON; CSV (for Norwegian Excel: UTF-8 with a byte order mark, semicolons,"
            + " decimal comma) or .xlsx with Accept or ?format=, as a download with the columns Periode, Verdi,"
            + " Teller, Nevner, Mål, Kommentar (an office: its comment; a region or the nation: every comment of the"
            + " month, its own then those of the units below it, each as 'unit name (author, time): text',"
            + " separated by ' | '). With asOf: every point as reporting-service would have answered at that instant.")
    @APIResponse(responseCode = "200", description = "The series", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesPoint[].class)),
            @Content(mediaType = ExportFormat.CSV_TYPE), @Content(mediaType = Xlsx.MEDIA_TYPE) })
    @APIResponse(responseCode = "404", description = "The unit or the indicator is not known", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("unitId") String unitId, @PathParam("indicatorId") String indicatorId,
            @QueryParam("from") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String from,
            @QueryParam("to") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String to,
            @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION) @QueryParam("format")
            @Pattern(regexp = ExportFormat.PARAMETER, message = ExportFormat.PARAMETER_MESSAGE) String format,
            @Parameter(description = AsOf.DESCRIPTION) @QueryParam(AsOf.NAME) String asOf,
            @Context HttpHeaders headers) {
        access.require();
        java.time.Instant at = AsOf.parse(asOf);
        YearMonth first = YearMonth.parse(from);
        YearMonth last = YearMonth.parse(to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to is before from", new FieldError("to", "before-from",
                    "must not be before from"));
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.badRequest("At most " + MAX_MONTHS + " months", new FieldError("to", "too-long",
                    "at most " + MAX_MONTHS + " months after from"));
        }
        List<SeriesPoint> points = series.series(unitId, indicatorId, first, last, at);
        ExportFormat as = ExportFormat.choose(format, headers.getAcceptableMediaTypes());
        if (as == ExportFormat.JSON) {
            return Response.ok(points, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Table table = new Table("Serie " + unitId + " " + indicatorId,
                List.of("Periode", "Verdi", "Teller", "Nevner", "Mål", ScorecardTables.OUTLIER_LOW,
                        ScorecardTables.OUTLIER_HIGH, "Kommentar"));
        for (SeriesPoint p : points) {
            // every comment on the figure and those it is summed from, one after another in the cell
            // an office's own comment as it wrote it; an aggregate's cell holds every comment on it and below it
            table.row(p.period(), p.value(), p.numerator(), p.denominator(), p.target(),
                    p.outlier() == null ? null : p.outlier().expectedLow(),
                    p.outlier() == null ? null : p.outlier().expectedHigh(), p.comment() != null
                    ? p.comment() : p.comments().isEmpty() ? null
                    : String.join(" | ", p.comments().stream().map(SeriesPoint.Comment::asText).toList()));
        }
        return as.download(table, "serie-" + unitId + "-" + indicatorId + "-" + from + "-" + to);
    }
}
