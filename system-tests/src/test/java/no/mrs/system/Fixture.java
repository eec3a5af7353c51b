package no.mrs.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data the access and bad-input tests act on: region 0300 with office 0314, region 0400 with office 0402,
 * central indicator B.15 in a published 2022 letter, and factories for fresh resources (a letter, a goal, a
 * proposal, an office, a month) for writes that cannot be repeated on the same resource.
 */
final class Fixture {

    static final String ADMIN = DevTokens.issue(List.of("directorate"), List.of("0000"));
    /** For reporting-service's /api/admin: the operator role (the directorate may not). */
    static final String OPERATOR = DevTokens.issue(List.of("operator"), List.of());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    // years 2001-2028 for the fixture's own local goals; the access matrix uses 2030 on
    private static final AtomicInteger LOCAL_GOAL_YEARS = new AtomicInteger(2000);

    final String goal;
    final String result;
    final String reporting;

    private Fixture(RunningSuite suite) {
        goal = suite.url(MrsService.GOAL);
        result = suite.url(MrsService.RESULT);
        reporting = suite.url(MrsService.REPORTING);
    }

    private static Fixture instance;

    static synchronized Fixture get() throws Exception {
        if (instance == null) {
            Fixture fixture = new Fixture(SharedSuite.get());
            fixture.setUp();
            instance = fixture;
        }
        return instance;
    }

    private void setUp() {
        put(goal + "/api/units/0000", "{\"name\":\"Norge\",\"level\":\"NATIONAL\"}");
        put(goal + "/api/units/0300", "{\"name\":\"Nav Oslo\",\"level\":\"REGION\",\"parentId\":\"0000\"}");
        put(goal + "/api/units/0314", "{\"name\":\"Nav Sagene\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}");
        put(goal + "/api/units/0400", "{\"name\":\"Nav Innlandet\",\"level\":\"REGION\",\"parentId\":\"0000\"}");
        put(goal + "/api/units/0402", "{\"name\":\"Nav Kongsvinger\",\"level\":\"OFFICE\",\"parentId\":\"0400\"}");
        put(goal + "/api/indicators/B.15", """
                {"name":"Andel arbeidssøkere med overgang til arbeid","perspective":"USER","measure":"RATIO",
                 "direction":"HIGHER_IS_BETTER","description":"Share of job seekers who got work"}""");
        put(goal + "/api/indicators/L.1", """
                {"name":"Lokale samarbeidsmøter","perspective":"USER","measure":"COUNT",
                 "direction":"HIGHER_IS_BETTER","ownerUnitId":"0314"}""");
        String letter = draftLetter(2022, "0000");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).post(goal + "/api/goal-letters/" + letter + "/publication")
                .then().log().ifValidationFails().statusCode(200);
        // result-service learns units and indicators from mrs.goal-events, asynchronously
        String probe = "{\"results\":[{\"measurementId\":\"probe/0314\",\"unitId\":\"0314\",\"indicatorId\":\"B.15\","
                + "\"period\":\"2022-01\",\"numerator\":1,\"denominator\":2}]}";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response response = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(probe)
                    .post(result + "/api/results");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.<Integer>path("accepted") + response.<Integer>path("duplicates")).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().auth().oauth2(ADMIN).get(reporting + "/api/scorecards/0314?period=2022-01")
                        .statusCode()).isEqualTo(200));
    }

    /** The base address of a service by its short name: goal, result or reporting. */
    String url(String service) {
        if (service.equals("goal")) {
            return goal;
        }
        if (service.equals("result")) {
            return result;
        }
        if (service.equals("reporting")) {
            return reporting;
        }
        throw new IllegalArgumentException("Unknown service " + service);
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    // five months per flagged figure of 0314's local count L.1, from 2001-01 on (no other test reports L.1 then):
    // three ordinary, the flagged one, one empty; with four, the same month a year before would be an earlier
    // block's flagged month, and a figure like last year's same month is rightly no outlier
    private static final AtomicInteger FLAGGED = new AtomicInteger();

    /**
     * A month in which office 0314's local count L.1 carries an unconfirmed outlier warning: three ordinary months
     * (40) and then 4,000, submitted together. Each call makes a fresh one (a figure is confirmed only once).
     */
    String flaggedMonth() {
        java.time.YearMonth first = java.time.YearMonth.of(2001, 1).plusMonths(5L * FLAGGED.getAndIncrement());
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            java.time.YearMonth month = first.plusMonths(i);
            items.append(i == 0 ? "" : ",").append("{\"measurementId\":\"outlier/").append(month).append('/')
                    .append(next()).append("\",\"unitId\":\"0314\",\"indicatorId\":\"L.1\",\"period\":\"")
                    .append(month).append("\",\"value\":").append(i < 3 ? 40 : 4000).append('}');
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"results\":[" + items + "]}")
                .post(result + "/api/results").then().log().ifValidationFails().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(4))
                .body("warnings.size()", org.hamcrest.Matchers.equalTo(1));
        return first.plusMonths(3).toString();
    }

    String letterBody(int year, String issuer) {
        return """
                {"year":%d,"issuerUnitId":"%s","title":"Mål- og disponeringsbrev %d","mainGoals":["Flere i arbeid"],
                 "goals":[{"indicatorId":"B.15","classification":"STEERING","target":80.0,
                           "mainGoal":"Flere i arbeid","localAdjustment":"ALLOWED"}]}""".formatted(year, issuer, year);
    }

    /** A fresh draft letter; its id. */
    String draftLetter(int year, String issuer) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(letterBody(year, issuer))
                .post(goal + "/api/goal-letters").then().log().ifValidationFails().statusCode(201).extract().path("letterId");
    }

    String localGoalBody(int year) {
        return "{\"indicatorId\":\"L.1\",\"year\":" + year + ",\"classification\":\"STEERING\",\"target\":70,"
                + "\"rationale\":\"why\"}";
    }

    /** A fresh local goal of the unit; its id. */
    String localGoal(String unit) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(localGoalBody(LOCAL_GOAL_YEARS.incrementAndGet()))
                .post(goal + "/api/units/" + unit + "/goals").then().log().ifValidationFails().statusCode(201).extract().path("goalId");
    }

    String proposalBody() {
        return "{\"indicatorId\":\"B.15\",\"year\":2023,\"classification\":\"MONITORING\","
                + "\"rationale\":\"we can\"}";
    }

    /** A fresh open proposal for the unit; its id. */
    String proposal(String unit) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(proposalBody())
                .post(goal + "/api/units/" + unit + "/goal-proposals").then().log().ifValidationFails().statusCode(201).extract().path("proposalId");
    }

    /** A fresh office under the region; its id. */
    String office(String region) {
        String id = region.substring(0, 2) + String.format("%02d", 50 + next() % 50);
        put(goal + "/api/units/" + id, "{\"name\":\"Nav kontor " + id + "\",\"level\":\"OFFICE\",\"parentId\":\"" + region + "\"}");
        return id;
    }

    static void put(String url, String body) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).put(url)
                .then().log().ifValidationFails().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
