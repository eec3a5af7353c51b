package no.mrs.goal.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.goal.indicator.IndicatorDecider;
import no.mrs.goal.indicator.IndicatorService;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.rest.UnitResource;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.util.List;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The indicator catalogue: central indicators and local ones owned by a unit")
public class IndicatorResource {

    public static final String INDICATOR_ID = "[A-Z]{1,3}\\.\\d{1,3}";
    public static final String INDICATOR_MESSAGE = "must be an indicator id like B.15";

    @Inject
    IndicatorService indicators;

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    public record IndicatorBody(
            @NotBlank @Size(max = 300) String name,
            @NotNull Perspective perspective,
            @NotNull Measure measure,
            @NotNull Direction direction,
            @Size(max = 4000) String description,
            BigDecimal scaleMin,
            BigDecimal scaleMax,
            @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String ownerUnitId) {
    }

    @PUT
    @Path("{indicatorId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "defineIndicator", summary = "Define an indicator (201) or change its definition (200). Central: directorate; local"
            + " (ownerUnitId): a leader of that unit or above.")
    public Response put(@PathParam("indicatorId") @Pattern(regexp = INDICATOR_ID, message = INDICATOR_MESSAGE)
            String indicatorId, @Valid @NotNull IndicatorBody body) {
        String owner = indicators.find(indicatorId).map(IndicatorState::ownerUnitId).orElse(body.ownerUnitId());
        if (owner == null) {
            if (!caller.hasRole(Roles.DIRECTORATE)) {
                throw ProblemException.forbidden("Only the directorate defines central indicators");
            }
        } else if (units.view(owner, null).isPresent()) {
            caller.requireRoleForUnit(owner, Roles.DIRECTORATE, Roles.LEADER);
        }
        // an unknown owner: the decider answers 400 naming ownerUnitId
        IndicatorService.PutResult result = indicators.put(new IndicatorDecider.DefineIndicator(indicatorId,
                body.name().strip(), body.perspective(), body.measure(), body.direction(), body.description(),
                body.scaleMin(), body.scaleMax(), body.ownerUnitId()), caller.subject());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.indicator()).build();
    }

    public record PairingBody(
            @Pattern(regexp = INDICATOR_ID, message = INDICATOR_MESSAGE) String pairedOutcome) {
    }

    @PUT
    @Path("{indicatorId}/paired-outcome")
    @RolesAllowed(Roles.DIRECTORATE)
    @Operation(operationId = "pairIndicator", summary = "Pair an activity indicator with the outcome indicator it is"
            + " meant to serve (directorate)", description = "{\"pairedOutcome\":\"B.15\"} on B.45 pairs them;"
            + " {\"pairedOutcome\":null} removes the pairing. reporting-service then flags goal displacement on the"
            + " activity's scorecard row: the activity rising while its outcome falls. 200 with the indicator;"
            + " 400 naming pairedOutcome when it is not in the catalogue or is the indicator itself; 404 for an unknown"
            + " indicator. The same pairing again writes nothing.")
    public IndicatorState pair(@PathParam("indicatorId") @Pattern(regexp = INDICATOR_ID, message = INDICATOR_MESSAGE)
            String indicatorId, @Valid @NotNull PairingBody body) {
        return indicators.pair(new IndicatorDecider.PairIndicator(indicatorId, body.pairedOutcome()), caller.subject());
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listIndicators", summary = "The whole catalogue in id order; paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<IndicatorState>> list(@QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(indicators.page(page), uri);
    }

    @GET
    @Path("{indicatorId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getIndicator", summary = "One indicator")
    public IndicatorState get(@PathParam("indicatorId") @Pattern(regexp = INDICATOR_ID, message = INDICATOR_MESSAGE)
            String indicatorId) {
        return indicators.find(indicatorId)
                .orElseThrow(() -> ProblemException.notFound("Indicator " + indicatorId + " does not exist"));
    }
}
