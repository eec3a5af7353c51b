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
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.comparison.ComparisonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons", description = "A unit's children side by side")
public class ComparisonResource {

    @Inject
    ComparisonService comparisons;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}/{indicatorId}")
    @PermitAll
    @Operation(summary = "The unit's children in that month, with year-to-date and month figures, ranked best first"
            + " by the indicator's direction (by year to date, then the month; children without data last)")
    public List<ComparisonService.Entry> get(@PathParam("unitId") String unitId,
            @PathParam("indicatorId") String indicatorId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period) {
        access.require();
        return comparisons.compare(unitId, indicatorId, YearMonth.parse(period));
    }
}
