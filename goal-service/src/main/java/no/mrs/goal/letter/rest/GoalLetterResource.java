package no.mrs.goal.letter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.LetterGoal;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.goal.indicator.rest.IndicatorResource;
import no.mrs.goal.letter.GoalLetterDecider;
import no.mrs.goal.letter.GoalLetterService;
import no.mrs.goal.letter.GoalLetterState;
import no.mrs.goal.rest.Versions;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.goal.unit.UnitService;
import no.mrs.goal.unit.UnitView;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/goal-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal letters", description = "Central and regional goal setting: drafted, then published")
public class GoalLetterResource {

    @Inject
    Paging paging;

    @Inject
    GoalLetterService letters;

    @Inject
    UnitService units;

    @Inject
    Caller caller;

    public record LetterGoalBody(
            @NotNull @Pattern(regexp = IndicatorResource.INDICATOR_ID, message = IndicatorResource.INDICATOR_MESSAGE)
            String indicatorId,
            @NotNull Classification classification,
            BigDecimal target,
            @Size(max = 200) String mainGoal,
            LocalAdjustment localAdjustment) {
    }

    public record LetterBody(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number") String issuerUnitId,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> mainGoals,
            @NotNull @Size(max = 200) List<@Valid @NotNull LetterGoalBody> goals) {

        GoalLetterDecider.DraftLetter toCommand(String letterId, Long expectedVersion) {
            return new GoalLetterDecider.DraftLetter(letterId, expectedVersion, year, issuerUnitId, title.strip(),
                    mainGoals == null ? List.of() : mainGoals.stream().map(String::strip).toList(),
                    goals.stream().map(g -> new LetterGoal(g.indicatorId(), g.classification(), g.target(),
                            g.mainGoal() == null ? null : g.mainGoal().strip(), g.localAdjustment())).toList());
        }
    }

    @POST
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "draftGoalLetter", summary = "Draft a goal letter. The directorate issues for the national unit; a region's leader for"
            + " the region.")
    public Response draft(@Valid @NotNull LetterBody body) {
        requireIssuer(body.issuerUnitId());
        GoalLetterState letter = letters.draft(body.toCommand(UUID.randomUUID().toString(), null), caller.subject());
        return Response.created(URI.create("/api/goal-letters/" + letter.letterId()))
                .tag(Versions.etag(letter.version())).entity(letter).build();
    }

    @PUT
    @Path("{letterId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "redraftGoalLetter", summary = "Replace a draft (If-Match: the version it is based on)")
    public Response redraft(@PathParam("letterId") String letterId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LetterBody body) {
        requireIssuer(existing(letterId).issuerUnitId());
        GoalLetterState letter;
        try {
            letter = letters.draft(body.toCommand(letterId, Versions.ifMatch(ifMatch)), caller.subject());
        } catch (ConcurrencyConflictException e) {
            // redrafted by someone else between our read and our write: the version the client sent is stale
            throw ProblemException.preconditionFailed("Goal letter " + letterId + " was changed at the same moment");
        }
        return Response.ok(letter).tag(Versions.etag(letter.version())).build();
    }

    @POST
    @Path("{letterId}/publication")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "publishGoalLetter", summary = "Publish the letter: its goals take effect (If-Match optional)")
    public Response publish(@PathParam("letterId") String letterId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        requireIssuer(existing(letterId).issuerUnitId());
        GoalLetterState letter = letters.publish(new GoalLetterDecider.PublishLetter(letterId, Versions.ifMatch(ifMatch)),
                caller.subject());
        return Response.ok(letter).tag(Versions.etag(letter.version())).build();
    }

    @GET
    @Path("{letterId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getGoalLetter", summary = "One letter, with its version as ETag")
    public Response get(@PathParam("letterId") String letterId) {
        GoalLetterState letter = existing(letterId);
        return Response.ok(letter).tag(Versions.etag(letter.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listGoalLetters", summary = "Letters, optionally of one year and one issuer, newest year first; paged by limit and after"
            + " (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<GoalLetterState>> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("issuerUnitId") @Pattern(regexp = UnitResource.UNIT_ID, message = "must be a 4-digit unit number")
            String issuerUnitId, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(letters.page(year, issuerUnitId, page), uri);
    }

    private GoalLetterState existing(String letterId) {
        return letters.find(letterId)
                .orElseThrow(() -> ProblemException.notFound("Goal letter " + letterId + " does not exist"));
    }

    /** National letters are the directorate's; a region's letters its leaders' (or the directorate's). */
    private void requireIssuer(String issuerUnitId) {
        UnitLevel level = units.view(issuerUnitId, null).map(UnitView::level).orElse(null);
        if (level == UnitLevel.NATIONAL) {
            caller.requireRoleForUnit(issuerUnitId, Roles.DIRECTORATE);
        } else if (level == UnitLevel.REGION) {
            caller.requireRoleForUnit(issuerUnitId, Roles.DIRECTORATE, Roles.LEADER);
        }
        // unknown units and offices: the decider answers 400 naming issuerUnitId
    }
}
