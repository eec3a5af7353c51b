package no.mrs.goal.unit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.goal.unit.UnitDecider;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.UnitView;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.YearMonth;
import java.util.List;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The organisation: a dated hierarchy of the national unit, regions and offices")
public class UnitResource {

    public static final String UNIT_ID = "\\d{4}";
    public static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    public record UnitBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull UnitLevel level,
            @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String parentId) {
    }

    public record MoveBody(
            @NotNull @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String newParentId,
            @NotNull @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String effectiveFrom) {
    }

    @PUT
    @Path("{unitId}")
    @RolesAllowed(Roles.DIRECTORATE)
    @Operation(operationId = "registerUnit", summary = "Register a unit (201) or rename it (200). Directorate only.")
    public Response put(@PathParam("unitId") @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @Valid @NotNull UnitBody body) {
        caller.requireUnit(body.parentId() != null && units.view(unitId, null).isEmpty() ? body.parentId() : unitId);
        UnitService.PutResult result = units.put(
                new UnitDecider.PutUnit(unitId, body.name().strip(), body.level(), body.parentId()), caller.subject());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.unit()).build();
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listUnits", summary = "Every unit, with parent and children as of a month (default: now), in unit-number order;"
            + " paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<UnitView>> list(
            @QueryParam("period") @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String period,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(units.page(period == null ? null : YearMonth.parse(period), page), uri);
    }

    @GET
    @Path("{unitId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getUnit", summary = "One unit, with the parent valid in the given month (default: now)")
    public UnitView get(@PathParam("unitId") @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("period") @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String period) {
        return units.view(unitId, period == null ? null : YearMonth.parse(period))
                .orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " does not exist"));
    }

    @POST
    @Path("{unitId}/moves")
    @RolesAllowed(Roles.DIRECTORATE)
    @Operation(operationId = "moveUnit", summary = "Move an office to another region from a month on; earlier months keep the old parent")
    public UnitView move(@PathParam("unitId") @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @Valid @NotNull MoveBody body) {
        if (units.view(unitId, null).isEmpty()) {
            throw ProblemException.notFound("Unit " + unitId + " does not exist");
        }
        caller.requireUnit(unitId);
        if (units.view(body.newParentId(), null).isPresent()) {
            caller.requireUnit(body.newParentId());
        }
        return units.move(new UnitDecider.MoveUnit(unitId, body.newParentId(), YearMonth.parse(body.effectiveFrom())),
                caller.subject());
    }
}
