package no.mrs.goal.proposal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.contracts.goal.Classification;
import no.mrs.goal.indicator.rest.IndicatorResource;
import no.mrs.goal.proposal.GoalProposalDecider;
import no.mrs.goal.proposal.GoalProposalService;
import no.mrs.goal.proposal.ProposalStatus;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.rest.UnitResource;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

@Path("/api/units/{unitId}/goal-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal proposals", description = "Staff take part: anyone in a unit proposes, a leader decides")
public class UnitProposalResource {

    @Inject
    Paging paging;

    @Inject
    GoalProposalService proposals;

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    public record ProposalBody(
            @NotNull @Pattern(regexp = IndicatorResource.INDICATOR_ID, message = IndicatorResource.INDICATOR_MESSAGE)
            String indicatorId,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull Classification classification,
            BigDecimal target,
            @Size(max = 4000) String rationale) {
    }

    @POST
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "proposeGoal", summary = "Propose a goal for the unit (anyone whose units cover it)")
    public Response propose(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @Valid @NotNull ProposalBody body) {
        units.requireExisting(unitId);
        caller.requireUnit(unitId);
        GoalProposalService.ProposalView proposal = proposals.propose(new GoalProposalDecider.ProposeGoal(
                GoalProposalService.newId(), unitId, body.indicatorId(), body.year(), body.classification(),
                body.target(), body.rationale()), caller.subject());
        return Response.created(URI.create("/api/goal-proposals/" + proposal.proposalId())).entity(proposal).build();
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listGoalProposals", summary = "The unit's proposals, optionally of one status, newest year first; paged by limit and after"
            + " (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<GoalProposalService.ProposalView>> list(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("status") ProposalStatus status, @QueryParam("limit") String limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(proposals.page(unitId, status, page), uri);
    }
}
