package no.mrs.reporting.completeness.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.completeness.ReportingStatusService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.YearMonth;
import java.util.List;

import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD;
import static no.mrs.reporting.scorecard.rest.ScorecardResource.PERIOD_MESSAGE;

@Path("/api/reporting-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting status", description = "Which offices have reported a month, and which figures they still owe")
@SecurityRequirement(name = "SecurityScheme") // the scheme quarkus.smallrye-openapi.security-scheme=jwt defines
public class ReportingStatusResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ReportingStatusService status;

    @Inject
    ReadAccess access;

    @Inject
    Paging paging;

    @GET
    @Path("{unitId}")
    @PermitAll
    @Operation(operationId = "getReportingStatus", summary = "For each office under the unit in the month (that"
            + " month's hierarchy), by unit number: the indicators it is expected to report and whether each is"
            + " reported, when and by whom", description = "Expected: every indicator with a goal in force for the"
            + " office or one of its ancestors in the month (expectedBecause GOAL), and every indicator the office"
            + " reported in a month of the year before (LAST_YEAR). reportedAt is when result-service received the"
            + " first figure, reportedBy the submitter (a person's token subject or a system's id), reporterKind"
            + " SYSTEM or PERSON (null when the event did not say). Paged by limit and after (Link rel=\"next\","
            + " docs/PAGING.md).")
    @APIResponse(responseCode = "200", description = "One page of offices", headers = @Header(name = "Link",
            description = "<…>; rel=\"next\" while more offices remain", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ReportingStatusService.OfficeStatus.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM, limit or after not valid",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid token (when reads are not open)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "a token without a role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "the unit is not known", content = @Content(mediaType = PROBLEM))
    public RestResponse<List<ReportingStatusService.OfficeStatus>> offices(@PathParam("unitId") String unitId,
            @Parameter(description = "the month, YYYY-MM", required = true)
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Parameter(description = "the most offices on this page (default 100, at most 1000)")
            @QueryParam("limit") String limit,
            @Parameter(description = "the cursor from the previous page's Link") @QueryParam("after") String after,
            @Context UriInfo uri) {
        access.require();
        PageRequest page = paging.request(limit, after);
        return paging.ok(status.offices(unitId, YearMonth.parse(period), page), uri);
    }

    @GET
    @Path("{unitId}/regions")
    @PermitAll
    @Operation(operationId = "getReportingStatusByRegion", summary = "The counts per region of the offices under the"
            + " unit in the month: offices, offices with nothing missing, figures expected, reported and missing",
            description = "One entry per region (regionId null for offices without a region); not paged: one entry"
                    + " per region.")
    @APIResponse(responseCode = "200", description = "The counts, by region number", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ReportingStatusService.RegionCount.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid token (when reads are not open)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "a token without a role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "the unit is not known", content = @Content(mediaType = PROBLEM))
    public List<ReportingStatusService.RegionCount> regions(@PathParam("unitId") String unitId,
            @Parameter(description = "the month, YYYY-MM", required = true)
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period) {
        access.require();
        return status.regions(unitId, YearMonth.parse(period));
    }
}
