package no.mrs.reporting.dashboard.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.mrs.reporting.access.ReportingConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The address where reporting-service once served its own dashboard: people read scorecards in the web app's
 * Målekort view now, so old bookmarks ({@code /?unit=0300&period=2021-06}) lead there. Not part of the API.
 */
@Path("/")
public class OldDashboardResource {

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    @Inject
    ReportingConfig config;

    @GET
    @PermitAll
    @Operation(operationId = "redirectOldDashboard", hidden = true)
    public RestResponse<Void> root(@QueryParam("unit") String unit, @QueryParam("period") String period) {
        return redirect(unit, period);
    }

    @GET
    @Path("index.html")
    @PermitAll
    @Operation(operationId = "redirectOldDashboardIndex", hidden = true)
    public RestResponse<Void> index(@QueryParam("unit") String unit, @QueryParam("period") String period) {
        return redirect(unit, period);
    }

    /** Only a well-formed unit and month are carried over, so the redirect never leads anywhere but the web app. */
    private RestResponse<Void> redirect(String unit, String period) {
        StringBuilder target = new StringBuilder(config.webAppUrl().replaceAll("/+$", "")).append("/malekort");
        if (unit != null && UNIT.matcher(unit).matches()) {
            target.append('/').append(unit);
        }
        if (period != null && PERIOD.matcher(period).matches()) {
            target.append("?periode=").append(period);
        }
        return RestResponse.ResponseBuilder.<Void>create(Response.Status.FOUND).location(URI.create(target.toString()))
                .build();
    }
}
