package no.mrs.reporting.burden;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.contracts.goal.GoalBudgetSet;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.VIEWER;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.goal;
import static no.mrs.reporting.support.Events.localGoal;
import static no.mrs.reporting.support.Events.monitoring;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static no.mrs.reporting.support.Events.retired;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/burden: every figure equals a count made here from the other public reads — goals from the December
 * scorecard's rows, the indicators due from the reporting status, submissions from the series — and the
 * corrections fed; a rebuild from the topics gives the same answer. Units 7900–7921, indicators BU.*, year 2023.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class BurdenTest {

    static final List<String> INDICATORS = List.of("BU.1", "BU.2", "BU.3", "BU.4", "BU.9");
    static final List<String> OFFICES = List.of("7911", "7912", "7921");

    @Test
    void theBurdenOfEveryUnitEqualsWhatThePublicReadsCount() {
        GoalSet localRetired = localGoal("7912", "BU.4", 2023, 50);
        ResultRecorded feb = result("7911", "BU.1", "2023-02", 5, 10);
        Api.publish(national("7900", "Byrdeland"), region("7910", "Nav Tung", "7900"), region("7920", "Nav Lett", "7900"),
                office("7911", "Nav Travel", "7910"), office("7912", "Nav Rolig", "7910"), office("7921", "Nav Ledig", "7920"),
                ratio("BU.1", "Andel en"), ratio("BU.2", "Andel to"), ratio("BU.3", "Andel tre"),
                ratio("BU.4", "Andel fire"), ratio("BU.9", "Andel ni"),
                // everyone: BU.1 steering, BU.2 followed as statistics; Nav Tung adds BU.3, Nav Travel BU.4
                centralGoal("7900", "BU.1", 2023, 70), monitoring("7900", "BU.2", 2023),
                goal("7910", "BU.3", 2023, 40, GoalOrigin.REGIONAL), localGoal("7911", "BU.4", 2023, 60), localRetired,
                // Nav Travel's cap is 2 (it has 3 steering goals), Nav Lett's 5
                new GoalBudgetSet("7911", 2023, 2, 8), new GoalBudgetSet("7920", 2023, 5, 8),
                // Nav Ledig reported BU.9 last year: due this year too
                result("7921", "BU.9", "2022-04", 1, 2),
                result("7911", "BU.1", "2023-01", 6, 10), feb, result("7911", "BU.1", "2023-03", 7, 10),
                result("7911", "BU.2", "2023-01", 1, 10), result("7912", "BU.1", "2023-01", 2, 10),
                result("7921", "BU.2", "2023-03", 3, 10));
        // Nav Rolig's local goal retired in June (no longer in force in December), Nav Travel corrects February twice
        Feed.sendAt(Instant.parse("2023-06-15T10:00:00Z"), retired(localRetired));
        Api.publish(corrected(feb, 6, 10, "late registrations"), corrected(feb, 7, 10, "audit"));
        int correctionsFed = 2;

        JsonPath burden = burden("7900", "");
        assertThat(burden.getList("units.unitId")).containsExactly("7900", "7910", "7911", "7912", "7920", "7921");
        Map<String, Integer> submissions = new HashMap<>();
        for (String office : OFFICES) {
            submissions.put(office, submissionsInSeries(office));
        }
        for (String unit : List.of("7900", "7910", "7911", "7912", "7920", "7921")) {
            Map<String, Object> entry = entry(burden, unit);
            JsonPath december = Api.scorecard(unit, "2023-12");
            List<String> classes = december.getList("perspectives.rows.flatten().findAll { it.goal != null }.goal.classification");
            long steering = classes.stream().filter("STEERING"::equals).count();
            long monitored = classes.stream().filter("MONITORING"::equals).count();
            assertThat(((Number) entry.get("steeringGoals")).longValue()).as(unit + " steering").isEqualTo(steering);
            assertThat(((Number) entry.get("monitoringGoals")).longValue()).as(unit + " monitoring").isEqualTo(monitored);
            assertThat(((Number) entry.get("monitoringShare")).doubleValue()).as(unit + " share")
                    .isEqualTo(100.0 * monitored / (steering + monitored));
            List<Integer> expected = given().auth().oauth2(VIEWER).get("/api/reporting-status/" + unit + "?period=2023-12")
                    .then().statusCode(200).extract().jsonPath().getList("expected", Integer.class);
            assertThat(entry.get("indicatorsPerMonth")).as(unit + " due").isEqualTo(expected.stream().mapToInt(i -> i).sum());
            assertThat(entry.get("offices")).as(unit + " offices").isEqualTo(expected.size());
            int submitted = 0;
            for (Object officeId : given().auth().oauth2(VIEWER).get("/api/reporting-status/" + unit + "?period=2023-12")
                    .then().extract().jsonPath().getList("unitId")) {
                submitted += submissions.get((String) officeId);
            }
            assertThat(entry.get("submissions")).as(unit + " submissions").isEqualTo(submitted);
        }
        // the figures as worked out by hand, to be sure the counts above are the intended ones
        assertThat(entry(burden, "7911")).containsEntry("steeringGoals", 3).containsEntry("monitoringGoals", 1)
                .containsEntry("goalBudget", 2).containsEntry("ownGoalBudget", true).containsEntry("overBudget", true)
                .containsEntry("indicatorsPerMonth", 4).containsEntry("submissions", 4)
                .containsEntry("corrections", correctionsFed);
        assertThat(entry(burden, "7912")).containsEntry("steeringGoals", 2).containsEntry("goalBudget", 8)
                .containsEntry("ownGoalBudget", false).containsEntry("overBudget", false).containsEntry("corrections", 0);
        assertThat(entry(burden, "7920")).containsEntry("steeringGoals", 1).containsEntry("goalBudget", 5)
                .containsEntry("indicatorsPerMonth", 3);
        assertThat(entry(burden, "7900")).containsEntry("submissions", 6).containsEntry("corrections", correctionsFed)
                .containsEntry("offices", 3).containsEntry("indicatorsPerMonth", 4 + 3 + 3);

        // the heaviest first; one level only
        assertThat(burden("7900", "&sort=heaviest").getList("units.unitId"))
                .containsExactly("7900", "7910", "7911", "7912", "7920", "7921");
        assertThat(burden("7900", "&sort=heaviest&level=OFFICE").getList("units.unitId"))
                .containsExactly("7911", "7912", "7921");
        assertThat(burden("7910", "").getList("units.unitId")).containsExactly("7910", "7911", "7912");

        // a rebuild from the topics gives the same burden
        String before = given().auth().oauth2(VIEWER).get("/api/burden/7900?year=2023").then().extract().asString();
        Api.rebuild();
        String after = given().auth().oauth2(VIEWER).get("/api/burden/7900?year=2023").then().extract().asString();
        assertThat(JsonPath.from(after).getList("units")).isEqualTo(JsonPath.from(before).getList("units"));
    }

    @Test
    void badInputIsAClearProblemAndReadsNeedARole() {
        for (String query : List.of("", "?year=23", "?year=1999", "?year=2101", "?year=2023&sort=weight",
                "?year=2023&level=office", "?year=2023&level=OFFICES")) {
            given().auth().oauth2(VIEWER).get("/api/burden/0000" + query).then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(VIEWER).get("/api/burden/9997?year=2023").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/burden/0000?year=2023").then().statusCode(401);
        given().auth().oauth2(Api.OPERATOR).get("/api/burden/0000?year=2023").then().statusCode(403);
    }

    /** The months of 2023 in which the office has a figure, over every indicator, as its series show them. */
    private static int submissionsInSeries(String officeId) {
        int months = 0;
        for (String indicator : INDICATORS) {
            List<Object> values = given().auth().oauth2(VIEWER)
                    .get("/api/series/" + officeId + "/" + indicator + "?from=2023-01&to=2023-12").then().statusCode(200)
                    .extract().jsonPath().getList("value");
            months += (int) values.stream().filter(v -> v != null).count();
        }
        return months;
    }

    private static JsonPath burden(String unitId, String query) {
        return Api.json(given().auth().oauth2(VIEWER).get("/api/burden/" + unitId + "?year=2023" + query).then()
                .log().ifValidationFails().statusCode(200).extract().asString());
    }

    private static Map<String, Object> entry(JsonPath burden, String unitId) {
        return burden.getMap("units.find { it.unitId == '" + unitId + "' }");
    }
}
