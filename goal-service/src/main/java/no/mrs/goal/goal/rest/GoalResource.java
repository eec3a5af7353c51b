package no.mrs.goal.goal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.goal.goal.GoalDecider;
import no.mrs.goal.goal.GoalService;
import no.mrs.goal.goal.GoalState;
import no.mrs.goal.rest.Versions;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals")
public class GoalResource {

    @Inject
    Paging paging;

    @Inject
    GoalService goals;

    @Inject
    Caller caller;

    @GET
    @Path("{goalId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getGoal", summary = "One goal, with its version as ETag")
    public Response get(@PathParam("goalId") String goalId) {
        GoalState goal = existing(goalId);
        return Response.ok(goal).tag(Versions.etag(goal.version())).build();
    }

    @POST
    @Path("{goalId}/revisions")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "reviseGoal", summary = "Change the target from a month on (effectiveFrom, YYYY-MM, a month of the goal's year;"
            + " default: the month it is made, Norwegian time), with a reason; earlier months keep the target they had;"
            + " If-Match must carry the version the change is based on")
    public Response revise(@PathParam("goalId") String goalId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalBodies.RevisionBody body) {
        requireAuthorityOver(existing(goalId));
        GoalState goal;
        try {
            goal = goals.revise(new GoalDecider.ReviseGoal(goalId, Versions.ifMatch(ifMatch), body.target(),
                    body.reason(), body.effectiveFrom() == null ? null : java.time.YearMonth.parse(body.effectiveFrom())),
                    caller.subject());
        } catch (ConcurrencyConflictException e) {
            // someone revised it between our read and our write: the version the client sent is stale
            throw ProblemException.preconditionFailed("Goal " + goalId + " was changed at the same moment; read it again");
        }
        return Response.ok(goal).tag(Versions.etag(goal.version())).build();
    }

    @POST
    @Path("{goalId}/retirement")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "retireGoal", summary = "Retire the goal, with a reason: it stops counting from now on (If-Match optional)")
    public Response retire(@PathParam("goalId") String goalId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalBodies.RetirementBody body) {
        requireAuthorityOver(existing(goalId));
        GoalState goal = goals.retire(new GoalDecider.RetireGoal(goalId, Versions.ifMatch(ifMatch), body.reason()),
                caller.subject());
        return Response.ok(goal).tag(Versions.etag(goal.version())).build();
    }

    @GET
    @Path("{goalId}/history")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getGoalHistory", summary = "Every event of the goal in order: what changed, when, by whom and why; paged by limit and"
            + " after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<GoalService.HistoryEntry>> history(@PathParam("goalId") String goalId,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        long afterVersion = page.after() == null ? 0 : cursorVersion(page.afterKey(1).get(0));
        List<GoalService.HistoryEntry> history = goals.history(goalId)
                .orElseThrow(() -> ProblemException.notFound("Goal " + goalId + " does not exist"));
        // one goal's stream is a handful of events, read whole anyway to replay it: paged in memory
        return paging.ok(page.slice(history, entry -> entry.version() > afterVersion, entry -> Cursor.of(entry.version())),
                uri);
    }

    private static long cursorVersion(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private GoalState existing(String goalId) {
        return goals.find(goalId).orElseThrow(() -> ProblemException.notFound("Goal " + goalId + " does not exist"));
    }

    /** Central goals are the directorate's; others belong to the leaders of their source unit or above. */
    private void requireAuthorityOver(GoalState goal) {
        if (goal.origin() == GoalOrigin.CENTRAL) {
            caller.requireRoleForUnit(goal.sourceUnitId(), Roles.DIRECTORATE);
        } else {
            caller.requireRoleForUnit(goal.sourceUnitId(), Roles.DIRECTORATE, Roles.LEADER);
        }
    }
}
