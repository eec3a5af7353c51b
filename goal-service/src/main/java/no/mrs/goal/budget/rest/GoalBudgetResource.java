package no.mrs.goal.budget.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.mrs.goal.budget.GoalBudgetDecider;
import no.mrs.goal.budget.GoalBudgetService;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.UnitView;
import no.mrs.goal.unit.rest.UnitResource;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/units/{unitId}/goal-budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal budget", description = "Few but binding goals: a cap on steering goals per unit and year")
public class GoalBudgetResource {

    @Inject
    GoalBudgetService budgets;

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    public record BudgetBody(@NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Min(0) @Max(100) Integer maxSteeringGoals) {
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getGoalBudget", summary = "The unit's cap on steering goals in a year, and how many are in force")
    public GoalBudgetService.GoalBudgetView get(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return budgets.view(unitId, year);
    }

    @PUT
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "setGoalBudget", summary = "Set the unit's cap for a year (the directorate, or a leader above the unit)")
    public GoalBudgetService.GoalBudgetView put(
            @PathParam("unitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @Valid @NotNull BudgetBody body) {
        UnitView unit = units.view(unitId, null)
                .orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " does not exist"));
        boolean directorate = caller.hasRole(Roles.DIRECTORATE) && caller.covers(unitId);
        // a budget binds the unit's own leaders, so it is set from above
        boolean leaderAbove = caller.hasRole(Roles.LEADER) && unit.parentId() != null && caller.covers(unit.parentId());
        if (!directorate && !leaderAbove) {
            throw ProblemException.forbidden("A unit's goal budget is set by the directorate or a leader above it");
        }
        return budgets.set(new GoalBudgetDecider.SetGoalBudget(unitId, body.year(), body.maxSteeringGoals()),
                caller.subject());
    }
}
