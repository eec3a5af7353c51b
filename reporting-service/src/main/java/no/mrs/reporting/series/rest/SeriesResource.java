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
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.series.SeriesPoint;
import no.mrs.reporting.series.SeriesService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api/series")
@Produces(MediaType.APPLICATION_JSON)
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
    @PermitAll
    @Operation(summary = "Every month from..to (at most 120): the figure (null without data), the sums behind it,"
            + " the target in force that month, and the office's comment (office series only)")
    public List<SeriesPoint> get(@PathParam("unitId") String unitId, @PathParam("indicatorId") String indicatorId,
            @QueryParam("from") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String from,
            @QueryParam("to") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String to) {
        access.require();
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
        return series.series(unitId, indicatorId, first, last);
    }
}
