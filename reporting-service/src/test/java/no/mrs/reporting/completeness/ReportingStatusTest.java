package no.mrs.reporting.completeness;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.contracts.result.SubmitterKind;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.VIEWER;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.dec;
import static no.mrs.reporting.support.Events.goal;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /api/reporting-status: the offices under a unit, the indicators each is expected to report (a goal in force,
 * or reported last year) and whether, when and by whom each is reported; counts per region. Units 7700–7721.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ReportingStatusTest {

    static final Instant RECEIVED = Instant.parse("2023-04-03T07:15:00Z");

    @Test
    void aMissingFigureIsListedAndShownReportedAfterItsSubmission() {
        ResultRecorded sagaRs1 = record("7711", "RS.1", "2023-03", RECEIVED, SubmitterKind.SYSTEM);
        Api.publish(national("7700", "Statusland"), region("7710", "Nav Nord", "7700"),
                region("7720", "Nav Sør", "7700"), office("7711", "Nav Saga", "7710"), office("7712", "Nav Skog", "7710"),
                office("7721", "Nav Strand", "7720"), ratio("RS.1", "Andel én"), ratio("RS.2", "Andel to"),
                ratio("RS.3", "Andel tre"),
                // RS.1 central for everyone, RS.2 the southern region's own
                centralGoal("7700", "RS.1", 2023, 70), goal("7720", "RS.2", 2023, 50,
                        no.mrs.contracts.goal.GoalOrigin.REGIONAL),
                // Nav Saga reported RS.3 last year, without a goal
                result("7711", "RS.3", "2022-05", 1, 2), sagaRs1);
        awaitReported("7711", "RS.1", "2023-03");

        JsonPath page = status("7700", "2023-03");
        assertThat(page.getList("unitId")).containsExactly("7711", "7712", "7721");
        assertThat(page.getList("regionId")).containsExactly("7710", "7710", "7720");
        assertThat(indicators(page, "7711")).containsExactly("RS.1", "RS.3");
        assertThat(indicators(page, "7712")).containsExactly("RS.1");
        assertThat(indicators(page, "7721")).containsExactly("RS.1", "RS.2");
        Map<String, Object> saga1 = indicator(page, "7711", "RS.1");
        assertThat(saga1).containsEntry("reported", true).containsEntry("reportedAt", "2023-04-03T07:15:00Z")
                .containsEntry("reportedBy", "test-producer").containsEntry("reporterKind", "SYSTEM");
        assertThat(saga1.get("expectedBecause")).isEqualTo(List.of("GOAL"));
        Map<String, Object> saga3 = indicator(page, "7711", "RS.3");
        assertThat(saga3).containsEntry("reported", false).containsEntry("reportedAt", null)
                .containsEntry("reportedBy", null);
        assertThat(saga3.get("expectedBecause")).isEqualTo(List.of("LAST_YEAR"));
        assertThat(officeOf(page, "7711")).containsEntry("expected", 2).containsEntry("reported", 1)
                .containsEntry("missing", 1).containsEntry("regionName", "Nav Nord");

        JsonPath regions = regions("7700", "2023-03");
        assertThat(regions.getList("regionId")).containsExactly("7710", "7720");
        assertThat(regions.getMap("[0]")).containsEntry("offices", 2).containsEntry("officesComplete", 0)
                .containsEntry("expected", 3).containsEntry("reported", 1).containsEntry("missing", 2);
        assertThat(regions.getMap("[1]")).containsEntry("offices", 1).containsEntry("officesComplete", 0)
                .containsEntry("expected", 2).containsEntry("reported", 0).containsEntry("missing", 2);

        // Nav Saga's leader reports RS.3 by hand
        Instant later = Instant.parse("2023-04-05T12:00:00Z");
        Api.publish(record("7711", "RS.3", "2023-03", later, SubmitterKind.PERSON));
        awaitReported("7711", "RS.3", "2023-03");
        page = status("7700", "2023-03");
        assertThat(indicator(page, "7711", "RS.3")).containsEntry("reported", true)
                .containsEntry("reportedAt", "2023-04-05T12:00:00Z").containsEntry("reporterKind", "PERSON");
        assertThat(officeOf(page, "7711")).containsEntry("missing", 0);
        assertThat(regions("7700", "2023-03").getMap("[0]")).containsEntry("officesComplete", 1)
                .containsEntry("reported", 2).containsEntry("missing", 1);

        // a correction keeps when and by whom the figure was first reported
        Api.publish(corrected(sagaRs1, 3, 4, "typo"));
        assertThat(indicator(status("7711", "2023-03"), "7711", "RS.1")).containsEntry("reportedAt",
                "2023-04-03T07:15:00Z").containsEntry("reporterKind", "SYSTEM");
        // a region sees its own offices; an office itself
        assertThat(status("7720", "2023-03").getList("unitId")).containsExactly("7721");
        assertThat(status("7711", "2023-03").getList("unitId")).containsExactly("7711");
    }

    @Test
    void theOfficesArePagedWithANextLinkAndBadInputIsRefused() {
        Api.publish(national("7750", "Sideland"), region("7751", "Nav Side", "7750"), office("7752", "Nav A", "7751"),
                office("7753", "Nav B", "7751"), office("7754", "Nav C", "7751"), ratio("RS.9", "Andel ni"),
                centralGoal("7750", "RS.9", 2023, 60));
        Response first = given().auth().oauth2(VIEWER).get("/api/reporting-status/7750?period=2023-02&limit=2");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("unitId")).containsExactly("7752", "7753");
        String link = first.header("Link");
        assertThat(link).matches("</api/reporting-status/7750\\?period=2023-02&limit=2&after=[A-Za-z0-9_-]+>; rel=\"next\"");
        String next = link.substring(1, link.indexOf('>'));
        given().auth().oauth2(VIEWER).get(next).then().statusCode(200).header("Link", nullValue())
                .body("unitId", equalTo(List.of("7754")));

        for (String query : List.of("", "?period=2023-13", "?period=2023-3", "?period=2023-02&limit=0",
                "?period=2023-02&limit=1001", "?period=2023-02&limit=x", "?period=2023-02&after=bm90LW91cnM", "?period=2023-02&after=not*a*cursor")) {
            given().auth().oauth2(VIEWER).get("/api/reporting-status/7750" + query).then().log().ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(VIEWER).get("/api/reporting-status/7750/regions").then().statusCode(400);
        given().auth().oauth2(VIEWER).get("/api/reporting-status/9998?period=2023-02").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(VIEWER).get("/api/reporting-status/9998/regions?period=2023-02").then().statusCode(404);
        given().get("/api/reporting-status/7750?period=2023-02").then().statusCode(401);
    }

    private static ResultRecorded record(String unitId, String indicatorId, String period, Instant receivedAt,
            SubmitterKind kind) {
        return new ResultRecorded(UUID.randomUUID().toString(), unitId, indicatorId, YearMonth.parse(period), dec(7),
                dec(10), null, null, receivedAt, kind);
    }

    /** The save of a batch may finish just after the model shows it: wait until the slot has when and by whom. */
    private static void awaitReported(String officeId, String indicatorId, String period) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> indicator(status(officeId, period), officeId, indicatorId).get("reportedAt") != null);
    }

    private static JsonPath status(String unitId, String period) {
        return new JsonPath(given().auth().oauth2(VIEWER).get("/api/reporting-status/" + unitId + "?period=" + period)
                .then().statusCode(200).extract().asString());
    }

    private static JsonPath regions(String unitId, String period) {
        return new JsonPath(given().auth().oauth2(VIEWER)
                .get("/api/reporting-status/" + unitId + "/regions?period=" + period).then().statusCode(200).extract()
                .asString());
    }

    private static Map<String, Object> officeOf(JsonPath page, String officeId) {
        return page.getMap("find { it.unitId == '" + officeId + "' }");
    }

    private static List<String> indicators(JsonPath page, String officeId) {
        return page.getList("find { it.unitId == '" + officeId + "' }.indicators.indicatorId");
    }

    private static Map<String, Object> indicator(JsonPath page, String officeId, String indicatorId) {
        return page.getMap("find { it.unitId == '" + officeId + "' }.indicators.find { it.indicatorId == '"
                + indicatorId + "' }");
    }
}
