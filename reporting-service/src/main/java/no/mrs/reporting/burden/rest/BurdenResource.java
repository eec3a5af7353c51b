package no.mrs.reporting.burden.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.access.ReadAccess;
import no.mrs.reporting.burden.BurdenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/burden")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting burden", description = "Goals, goal budgets, indicators due and reports per unit and year")
@SecurityRequirement(name = "SecurityScheme") // the scheme quarkus.smallrye-openapi.security-scheme=jwt defines
public class BurdenResource {

    private static final String PROBLEM = "application/problem+json";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Inject
    BurdenService burden;

    @Inject
    ReadAccess access;

    @GET
    @Path("{unitId}")
    @PermitAll
    @Operation(operationId = "getBurden", summary = "The reporting burden of the unit and every unit below it in a"
            + " year: steering and monitoring goals in force against the goal budget, the share followed as"
            + " MONITORING, the indicators due each month, the submissions and corrections so far",
            description = "Goals and the hierarchy as they stand in December of the year; for a region or the nation"
                    + " the indicators due, submissions and corrections are the sums over its offices. sort=heaviest"
                    + " puts the heaviest first (most indicators due a month, then most steering goals, then most"
                    + " corrections); level keeps units of one level. Not paged: one entry per unit.")
    @APIResponse(responseCode = "200", description = "The burden", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BurdenService.Burden.class)))
    @APIResponse(responseCode = "400", description = "year missing or not a year from 2000 to 2100, sort or level"
            + " not one of theirs", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token (when reads are not open)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a token without a role", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "the unit is not known", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    public BurdenService.Burden get(@PathParam("unitId") String unitId,
            @Parameter(description = "the year, YYYY (2000–2100)", required = true)
            @QueryParam("year") @NotNull @Pattern(regexp = "\\d{4}", message = "must be a year, YYYY") String year,
            @Parameter(description = "unit (by unit number, the default) or heaviest (heaviest first)")
            @QueryParam("sort") @Pattern(regexp = "unit|heaviest", message = "must be unit or heaviest") String sort,
            @Parameter(description = "only units of this level: OFFICE, REGION or NATIONAL")
            @QueryParam("level") @Pattern(regexp = "OFFICE|REGION|NATIONAL",
                    message = "must be OFFICE, REGION or NATIONAL") String level) {
        access.require();
        int y = Integer.parseInt(year);
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw ProblemException.badRequest("year out of range", new FieldError("year", "out-of-range",
                    "must be from " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        return burden.burden(unitId, y, "heaviest".equals(sort) ? BurdenService.Sort.HEAVIEST : BurdenService.Sort.UNIT,
                level == null || level.isEmpty() ? null : UnitLevel.valueOf(level));
    }
}
