package no.mrs.goal;

import no.mrs.devstack.test.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Every list endpoint pages by limit and after, with a Link to the next page (docs/PAGING.md). Years 2091–2099. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ListPagingTest {

    static final String VIEWER = token("viewer", "0502");

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void theDefaultLimitIsAppliedAndTheNextLinkLeadsToTheRest() {
        for (int i = 1; i <= 101; i++) {
            // ZP sorts after every other test's indicators, so their first page stays as it was
            Api.indicator("ZP." + i, "{\"name\":\"Paging " + i + "\",\"perspective\":\"USER\",\"measure\":\"COUNT\","
                    + "\"direction\":\"HIGHER_IS_BETTER\"}");
        }
        Response first = given().auth().oauth2(VIEWER).get("/api/indicators");
        first.then().statusCode(200).body("$", hasSize(100));
        assertThat(first.header("Link")).matches("</api/indicators\\?after=[A-Za-z0-9_-]+>; rel=\"next\"");

        List<String> paged = all(VIEWER, "/api/indicators", "indicatorId", 100);
        List<String> whole = given().auth().oauth2(VIEWER).get("/api/indicators?limit=1000").then().statusCode(200)
                .header("Link", nullValue()).extract().jsonPath().getList("indicatorId");
        assertThat(paged).hasSizeGreaterThan(101).doesNotHaveDuplicates().isEqualTo(whole).isSorted();
    }

    @Test
    void unitsArePagedInUnitNumberOrderKeepingOtherParameters() {
        List<String> whole = given().auth().oauth2(VIEWER).get("/api/units?period=2091-01&limit=1000").then()
                .statusCode(200).extract().jsonPath().getList("unitId");
        Response first = given().auth().oauth2(VIEWER).get("/api/units?period=2091-01&limit=2");
        assertThat(first.header("Link")).contains("period=2091-01").contains("limit=2").contains("after=");

        assertThat(all(VIEWER, "/api/units?period=2091-01&limit=2", "unitId", 2))
                .hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates().isEqualTo(whole).isSorted();
    }

    @Test
    void lettersArePagedNewestYearFirst() {
        List<String> drafted = new ArrayList<>();
        for (String issuer : List.of("0000", "0300", "0400")) {
            for (int year : List.of(2091, 2092)) {
                drafted.add(as(DIRECTORATE).body(Api.letter(year, issuer, "B.15=80")).post("/api/goal-letters").then()
                        .statusCode(201).extract().path("letterId"));
            }
        }
        List<String> paged = all(VIEWER, "/api/goal-letters?limit=4", "letterId", 4);
        List<String> whole = given().auth().oauth2(VIEWER).get("/api/goal-letters?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("letterId");
        assertThat(paged).doesNotHaveDuplicates().isEqualTo(whole).containsAll(drafted);
        assertThat(all(VIEWER, "/api/goal-letters?year=2091&limit=1", "year", 1)).containsOnly(2091).hasSize(3);
    }

    @Test
    void proposalsArePagedWithinTheUnitAndStatus() {
        String employee = token("employee", "0315");
        List<String> proposed = new ArrayList<>();
        for (int year : List.of(2093, 2094, 2093, 2094, 2093)) {
            proposed.add(as(employee).body("{\"indicatorId\":\"B.31\",\"year\":" + year + ",\"classification\":"
                    + "\"STEERING\",\"target\":10,\"rationale\":\"Forslag\"}").post("/api/units/0315/goal-proposals")
                    .then().statusCode(201).extract().path("proposalId"));
        }
        List<String> whole = given().auth().oauth2(VIEWER).get("/api/units/0315/goal-proposals?status=PROPOSED&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("proposalId");
        assertThat(all(VIEWER, "/api/units/0315/goal-proposals?status=PROPOSED&limit=2", "proposalId", 2))
                .doesNotHaveDuplicates().isEqualTo(whole).containsAll(proposed);
    }

    @Test
    void goalsInForceAndAGoalsHistoryArePaged() {
        for (String indicator : List.of("B.15", "B.16", "B.25")) {
            Api.localGoal("0502", indicator, 2096, "50");
        }
        assertThat(all(VIEWER, "/api/units/0502/goals?year=2096&limit=2", "indicatorId", 2))
                .containsExactly("B.15", "B.16", "B.25");

        String goalId = Api.localGoal("0502", "B.26", 2097, "50");
        for (int version = 1; version <= 3; version++) {
            as(DIRECTORATE).header("If-Match", "\"" + version + "\"")
                    .body("{\"target\":" + (50 + version) + ",\"reason\":\"Revisjon " + version + "\"}")
                    .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);
        }
        List<Integer> versions = all(VIEWER, "/api/goals/" + goalId + "/history?limit=3", "version", 3);
        assertThat(versions).containsExactly(1, 2, 3, 4);
    }

    @Test
    void rejectsALimitAboveTheMaximumOrNotAPositiveWholeNumber() {
        for (String path : List.of("/api/units", "/api/indicators", "/api/goal-letters", "/api/units/0314/goals?year=2098",
                "/api/units/0314/goal-proposals")) {
            String join = path.contains("?") ? "&" : "?";
            given().auth().oauth2(VIEWER).get(path + join + "limit=1001").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:mrs:problem:validation"))
                    .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
            for (String limit : List.of("0", "-1", "99999999999999999999")) {
                given().auth().oauth2(VIEWER).get(path + join + "limit=" + limit).then().statusCode(400)
                        .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
            }
            for (String limit : List.of("ten", "1.5", "1e3")) {
                given().auth().oauth2(VIEWER).get(path + join + "limit=" + limit).then().statusCode(400)
                        .body("errors.field", contains("limit")).body("errors.code", contains("invalid-type"));
            }
            given().auth().oauth2(VIEWER).get(path + join + "after=not*a*cursor").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("after"));
        }
        // a cursor of another endpoint (one part where letters have three) is refused too, not a 500
        String unitCursor = given().auth().oauth2(VIEWER).get("/api/units?limit=1").header("Link").replaceAll(".*after=([^&>]+).*", "$1");
        given().auth().oauth2(VIEWER).get("/api/goal-letters?after=" + unitCursor).then().statusCode(400)
                .body("errors.field", contains("after"));
    }

    /** Follows the Link rel="next" from path to the last page; every page but the last is full. */
    static <T> List<T> all(String token, String path, String field, int limit) {
        return Pages.followAll(token, path, field, limit);
    }
}
