package no.mrs.goal.goal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import no.mrs.goal.goal.GoalDecider;
import no.mrs.goal.goal.GoalService;
import no.mrs.goal.goal.GoalState;
import no.mrs.goal.rest.Versions;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.rest.UnitResource;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/units/{unitId}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Goals in force for a unit, local goals, revisions, retirement and history")
public class UnitGoalResource {

    @Inject
    Paging paging;

    @Inject
    GoalService goals;

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listGoalsInForce", summary = "The goals in force for a unit in a year: inherited from above, nearest first,"
            + " local adjustments only where the inherited goal allows them; in indicator order, paged by limit and"
            + " after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<GoalState>> inForce(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, @QueryParam("limit") String limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        List<String> key = page.afterKey(1);
        // at most one goal per indicator is in force, and working that out needs them all: paged in memory
        return paging.ok(page.slice(goals.inForce(unitId, year), goal -> goal.indicatorId().compareTo(key.get(0)) > 0,
                goal -> Cursor.of(goal.indicatorId())), uri);
    }

    @POST
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "setLocalGoal", summary = "Set a local goal for the unit (a leader of the unit or above)")
    public Response setLocal(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @Valid @NotNull GoalBodies.LocalGoalBody body) {
        units.requireExisting(unitId);
        caller.requireRoleForUnit(unitId, Roles.DIRECTORATE, Roles.LEADER);
        GoalState goal = goals.setLocal(new GoalDecider.SetLocalGoal(UUID.randomUUID().toString(), unitId,
                body.indicatorId(), body.year(), body.classification(), body.target(), body.localAdjustment(),
                body.mainGoal(), body.rationale(), null), caller.subject());
        return Response.created(URI.create("/api/goals/" + goal.goalId())).tag(Versions.etag(goal.version()))
                .entity(goal).build();
    }
}
