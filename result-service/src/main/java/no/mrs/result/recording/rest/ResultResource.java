package no.mrs.result.recording.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.security.Caller;
import no.mrs.contracts.result.SubmitterKind;
import no.mrs.platform.security.Roles;
import no.mrs.result.recording.ItemParser;
import no.mrs.result.recording.ResultService;
import no.mrs.result.recording.ResultStore;
import no.mrs.result.recording.ResultsConfig;
import no.mrs.result.recording.Submission;
import no.mrs.result.recording.Submitter;
import no.mrs.result.recording.Summary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

@Path("/api/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "Monthly results per office and indicator: submitted, corrected, read")
public class ResultResource {

    public static final String UNIT_ID = "\\d{4}";
    public static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";
    public static final String CSV = "text/csv";

    @Inject
    ResultService results;

    @Inject
    ResultsConfig config;

    @Inject
    Caller caller;

    @Inject
    Paging paging;

    @Inject
    SubmissionRateLimit rateLimit;

    @Inject
    ObjectMapper mapper;

    private ObjectReader json;

    @PostConstruct
    void init() {
        json = JsonResults.reader(mapper);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.LEADER, Roles.DIRECTORATE })
    @Operation(operationId = "submitResultsJson", summary = "Submit results as JSON {\"results\":[...]}; each item is judged on its own")
    public Summary submitJson(byte[] body) {
        rateLimit.take(caller.subject());
        List<ItemParser.Parsed> items = JsonResults.read(json, body, config.maxBatchItems());
        return submit(items);
    }

    @POST
    @Consumes(CSV)
    @RolesAllowed({ Roles.REPORTER, Roles.LEADER, Roles.DIRECTORATE })
    @Operation(operationId = "submitResultsCsv", summary = "Submit results as CSV with the header " 
            + "measurementId,unitId,indicatorId,period,numerator,denominator,value,comment,correctionReason")
    public Summary submitCsv(byte[] body) {
        rateLimit.take(caller.subject());
        List<ItemParser.Parsed> items = new ArrayList<>();
        for (CsvResults.Row row : CsvResults.read(body, config.maxBatchItems())) {
            items.add(row.error() != null
                    ? new ItemParser.Parsed(ItemParser.fromCells(java.util.Map.of()).item(), List.of(row.error()))
                    : ItemParser.fromCells(row.cells()));
        }
        return submit(items);
    }

    private Summary submit(List<ItemParser.Parsed> items) {
        // a token with the role reporter and no role of a person is a reporting system's
        SubmitterKind kind = caller.hasAnyRole(Roles.REPORTER)
                && !caller.hasAnyRole(Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.VIEWER)
                        ? SubmitterKind.SYSTEM : SubmitterKind.PERSON;
        Submitter submitter = new Submitter(caller.subject(),
                caller.hasAnyRole(Roles.LEADER, Roles.DIRECTORATE), caller.units(), kind);
        List<Submission> batch = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            batch.add(new Submission(i, items.get(i).item(), items.get(i).errors(), submitter));
        }
        return Summary.of(results.submit(batch));
    }

    /** A value as the read endpoints show it. */
    public record ResultView(String measurementId, String unitId, String indicatorId, String period, long version,
            java.math.BigDecimal numerator, java.math.BigDecimal denominator, java.math.BigDecimal value,
            String comment, String correctionReason, String reportedBy, java.time.Instant receivedAt,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "the outlier check's warning on"
                    + " the current value (null: none; always null in the history): the figure, the expected range"
                    + " and, once a leader confirmed it, who, when and why")
            ResultStore.OutlierMark outlier) {

        static ResultView of(ResultStore.Version v) {
            return new ResultView(v.measurementId(), v.unitId(), v.indicatorId(), v.period(), v.version(),
                    v.numerator(), v.denominator(), v.value(), v.comment(), v.correctionReason(), v.reportedBy(),
                    v.receivedAt(), v.outlier());
        }
    }

    @GET
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "listResults", summary = "The current values of a unit, optionally for one indicator and a range of months, by"
            + " indicator and month; paged by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<ResultView>> current(
            @QueryParam("unitId") @NotNull @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("indicatorId") String indicatorId,
            @QueryParam("from") @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String from,
            @QueryParam("to") @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String to,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(views(results.current(unitId, indicatorId, month(from), month(to), page)), uri);
    }

    @GET
    @Path("history")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getResultHistory", summary = "Every version of one result, oldest first: value, measurementId, who, when and why; paged"
            + " by limit and after (Link rel=\"next\", docs/PAGING.md)")
    public RestResponse<List<ResultView>> history(
            @QueryParam("unitId") @NotNull @Pattern(regexp = UNIT_ID, message = "must be a 4-digit unit number") String unitId,
            @QueryParam("indicatorId") @NotNull String indicatorId,
            @QueryParam("period") @NotNull @Pattern(regexp = PERIOD, message = "must be a month, YYYY-MM") String period,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        return paging.ok(views(results.history(unitId, indicatorId, YearMonth.parse(period), page)), uri);
    }

    private static Page<ResultView> views(Page<ResultStore.Version> page) {
        return new Page<>(page.items().stream().map(ResultView::of).toList(), page.next());
    }

    private static YearMonth month(String text) {
        return text == null ? null : YearMonth.parse(text);
    }
}
