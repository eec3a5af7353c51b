package no.mrs.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, end to end through Kafka and all three databases: goal-service defines units, an
 * indicator and a central goal; result-service learns them from mrs.goal-events and accepts a result; the
 * reporting-service scorecard shows the target and the value, for the office and aggregated for its region.
 */
class WalkingSkeletonIT {

    static RunningSuite suite;
    static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));
    static final String REPORTER = DevTokens.issue(List.of("reporter"), List.of("0300"));

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = SharedSuite.get();
    }

    @Test
    void aResultForACentralGoalReachesTheScorecardsOfTheOfficeAndItsRegion() {
        String goal = suite.url(MrsService.GOAL);
        put(goal + "/api/units/0000", "{\"name\":\"Norge\",\"level\":\"NATIONAL\"}");
        put(goal + "/api/units/0300", "{\"name\":\"Nav Oslo\",\"level\":\"REGION\",\"parentId\":\"0000\"}");
        put(goal + "/api/units/0314", "{\"name\":\"Nav Sagene\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}");
        put(goal + "/api/indicators/B.15", """
                {"name":"Andel arbeidssøkere med overgang til arbeid","perspective":"USER","measure":"RATIO",
                 "direction":"HIGHER_IS_BETTER","description":"Share of job seekers who got work"}""");
        String letterId = given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON).body("""
                {"year":2021,"issuerUnitId":"0000","title":"Mål- og disponeringsbrev 2021",
                 "mainGoals":["Flere i arbeid"],
                 "goals":[{"indicatorId":"B.15","classification":"STEERING","target":80.0,
                           "mainGoal":"Flere i arbeid","localAdjustment":"ALLOWED"}]}""")
                .post(goal + "/api/goal-letters").then().statusCode(201).extract().path("letterId");
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .post(goal + "/api/goal-letters/" + letterId + "/publication")
                .then().statusCode(200);

        String results = suite.url(MrsService.RESULT) + "/api/results";
        String submission = """
                {"results":[{"measurementId":"2021-06/0314/B.15/a1","unitId":"0314","indicatorId":"B.15",
                             "period":"2021-06","numerator":77,"denominator":100}]}""";
        // result-service learns the unit and the indicator from mrs.goal-events, asynchronously
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response response = given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(submission)
                    .post(results);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.<Integer>path("accepted") + response.<Integer>path("duplicates")).isEqualTo(1);
        });

        String reporting = suite.url(MrsService.REPORTING);
        for (String unit : List.of("0314", "0300", "0000")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Object> row = scorecardRow(reporting, unit, "B.15");
                assertThat(row).as("B.15 on the scorecard of " + unit).isNotNull();
                assertThat(((Number) ((Map<?, ?>) row.get("goal")).get("target")).doubleValue()).isEqualTo(80.0);
                assertThat(((Number) ((Map<?, ?>) row.get("period")).get("thisYear")).doubleValue()).isEqualTo(77.0);
            });
        }
    }

    private static void put(String url, String body) {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON).body(body).put(url)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scorecardRow(String reporting, String unit, String indicator) {
        Response response = given().auth().oauth2(DIRECTORATE).accept(ContentType.JSON)
                .get(reporting + "/api/scorecards/" + unit + "?period=2021-06");
        if (response.statusCode() != 200) {
            return null;
        }
        List<Map<String, Object>> rows = response.jsonPath().getList("perspectives.rows.flatten()");
        return rows.stream().filter(r -> indicator.equals(r.get("indicatorId"))).findFirst().orElse(null);
    }
}
