package no.mrs.reporting.organisation.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.organisation.OrganisationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "The units and months the reporting service knows")
public class OrganisationResource {

    @Inject
    OrganisationService organisation;

    @Inject
    ReadAccess access;

    @Inject
    Paging paging;

    @GET
    @Path("units")
    @PermitAll
    @Operation(operationId = "listReportingUnits", summary = "Every unit with its parent in the given month (default: the current parent), nation first,"
            + " then regions, then offices; paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<OrganisationService.UnitEntry>> units(
            @QueryParam("period") @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        access.require();
        PageRequest page = paging.request(limit, after);
        return paging.ok(organisation.units(period == null ? null : YearMonth.parse(period), page), uri);
    }

    @GET
    @Path("periods")
    @PermitAll
    @Operation(operationId = "listReportingPeriods", summary = "The first and the last month with results")
    public OrganisationService.Periods periods() {
        access.require();
        return organisation.periods();
    }
}
