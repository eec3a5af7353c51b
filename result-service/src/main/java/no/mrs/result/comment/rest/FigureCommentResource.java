package no.mrs.result.comment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.problem.Problem;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import no.mrs.result.comment.FigureCommentDecider;
import no.mrs.result.comment.FigureCommentService;
import no.mrs.result.recording.rest.ResultResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.YearMonth;
import java.util.List;

/**
 * Comments on an aggregate: a region's leaders on their region's figure for an indicator and month, the
 * directorate on the nation's. Written here, beside the offices' results and their comments, as events on
 * mrs.result-events; reporting-service shows them on the series.
 */
@Path("/api/figure-comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figure comments", description = "Comments of a region or the nation on their own figure")
@SecurityRequirement(name = "SecurityScheme") // the scheme quarkus.smallrye-openapi.security-scheme=jwt defines
public class FigureCommentResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String MONTH = "must be a month, YYYY-MM";
    private static final String UNIT = "must be a 4-digit unit number";

    @Inject
    FigureCommentService comments;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    /** A comment on the figure of a region or the nation. */
    public record CommentBody(
            @NotNull @Pattern(regexp = ResultResource.UNIT_ID, message = UNIT) String unitId,
            @NotNull String indicatorId,
            @NotNull @Pattern(regexp = ResultResource.PERIOD, message = MONTH) String period,
            @NotNull String comment) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LEADER, Roles.DIRECTORATE })
    @Operation(operationId = "commentOnFigure", summary = "Comment on a region's or the nation's figure for an"
            + " indicator and month (a region's leaders on the region's, the directorate on the nation's)",
            description = "The comment (1–1,000 characters, trimmed) is kept with who wrote it and when, for good:"
                    + " event FigureCommented on mrs.result-events. An office comments with its result instead.")
    @APIResponse(responseCode = "201", description = "The comment as kept", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FigureCommentService.CommentView.class)))
    @APIResponse(responseCode = "400", description = "a field missing or malformed, an office, a future month, an"
            + " empty or too long comment", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not a leader of the region, or not the directorate for the"
            + " nation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the unit or indicator is not known", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "another comment on the same figure at the same moment; send"
            + " again", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response comment(@Valid @NotNull CommentBody body) {
        FigureCommentDecider.Commenter who = new FigureCommentDecider.Commenter(caller.hasRole(Roles.DIRECTORATE),
                caller.hasRole(Roles.LEADER), caller.covers(body.unitId()));
        FigureCommentService.CommentView view = comments.comment(new FigureCommentDecider.CommentOnFigure(
                body.unitId(), body.indicatorId(), YearMonth.parse(body.period()), body.comment()), who,
                caller.subject());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listFigureComments", summary = "The comments on one figure of a region or the nation,"
            + " oldest first; paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    @APIResponse(responseCode = "200", description = "One page of comments", headers = @Header(name = "Link",
            description = "<…>; rel=\"next\" while more remain", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = FigureCommentService.CommentView.class)))
    @APIResponse(responseCode = "400", description = "a parameter missing or malformed", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a token without a role", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<FigureCommentService.CommentView>> list(
            @QueryParam("unitId") @NotNull @Pattern(regexp = ResultResource.UNIT_ID, message = UNIT) String unitId,
            @QueryParam("indicatorId") @NotNull String indicatorId,
            @QueryParam("period") @NotNull @Pattern(regexp = ResultResource.PERIOD, message = MONTH) String period,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        return paging.ok(comments.comments(unitId, indicatorId, YearMonth.parse(period), paging.request(limit, after)),
                uri);
    }
}
