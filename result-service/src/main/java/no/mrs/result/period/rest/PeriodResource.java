package no.mrs.result.period.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import no.mrs.result.period.PeriodDecider;
import no.mrs.result.period.PeriodService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

@Path("/api/periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Closing months once their figures are published")
public class PeriodResource {

    public static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    Paging paging;

    @Inject
    PeriodService periods;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** Optional: why the month is closed. */
    public record LockBody(@Size(max = 1000) String reason) {
    }

    @POST
    @Path("{period}/lock")
    @RolesAllowed(Roles.DIRECTORATE)
    @Operation(operationId = "lockPeriod", summary = "Lock a month: later writes need a correction with a reason by a leader or the directorate")
    public Response lock(@PathParam("period") @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String period,
            byte[] body) throws IOException {
        // the body is optional, so that a bare POST (no content type) locks too; read here rather than by JAX-RS,
        // from the bytes, so that invalid UTF-8 is refused by the JSON parser instead of decoded into U+FFFD
        LockBody lockBody = blank(body) ? new LockBody(null) : mapper.readValue(body, LockBody.class);
        Set<ConstraintViolation<LockBody>> violations = validator.validate(lockBody);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        PeriodService.LockView lock = periods.lock(
                new PeriodDecider.LockPeriod(YearMonth.parse(period), lockBody.reason()), caller.subject());
        return Response.status(Response.Status.CREATED).entity(lock).build();
    }

    private static boolean blank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listLockedPeriods", summary = "The locked months in order; paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<PeriodService.LockView>> locked(@QueryParam("limit") String limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(periods.page(page), uri);
    }
}
