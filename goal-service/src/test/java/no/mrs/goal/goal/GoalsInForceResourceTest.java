package no.mrs.goal.goal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.letter;
import static no.mrs.goal.Api.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Goals in force for a unit, and local goals: who may set them and where. Years 2040–2049. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalsInForceResourceTest {

    static String localGoal(String indicatorId, int year, String target) {
        return "{\"indicatorId\":\"" + indicatorId + "\",\"year\":" + year + ",\"classification\":\"STEERING\","
                + "\"target\":" + target + ",\"rationale\":\"Arbeidsmarkedet i bydelen\"}";
    }

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void aLocalAdjustmentReplacesTheInheritedTargetForTheUnitAndBelowOnly() {
        Api.publishLetter(DIRECTORATE, letter(2040, "0000", "B.15=80")).statusCode(200);

        as(token("leader", "0314")).body(localGoal("B.15", 2040, "78")).post("/api/units/0314/goals")
                .then().statusCode(201).header("ETag", "\"1\"").body("origin", equalTo("LOCAL"))
                .body("letterId", nullValue());

        // reads reflect the command as soon as its response is sent
        as(token("viewer", "0314")).get("/api/units/0314/goals?year=2040").then()
                .body("target", contains(78)).body("origin", contains("LOCAL")).body("sourceUnitId", contains("0314"));
        as(token("viewer", "0315")).get("/api/units/0315/goals?year=2040").then()
                .body("target", contains(80)).body("origin", contains("CENTRAL"));
    }

    @Test
    void aGoalThatForbidsLocalAdjustmentCannotBeAdjusted() {
        Api.publishLetter(DIRECTORATE, letter(2041, "0000", "B.15=80!")).statusCode(200);

        as(token("leader", "0314")).body(localGoal("B.15", 2041, "70")).post("/api/units/0314/goals")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:adjustment-forbidden"));
        as(DIRECTORATE).get("/api/units/0314/goals?year=2041").then().body("target", contains(80));
    }

    @Test
    void aMonitoringGoalIsFollowedWithoutATarget() {
        Api.publishLetter(DIRECTORATE, letter(2042, "0000", "B.16")).statusCode(200);

        as(DIRECTORATE).get("/api/units/0502/goals?year=2042").then()
                .body("classification", contains("MONITORING")).body("[0].target", nullValue());
        as(DIRECTORATE).body("{\"indicatorId\":\"B.25\",\"year\":2042,\"classification\":\"MONITORING\",\"target\":3}")
                .post("/api/units/0502/goals")
                .then().statusCode(400).body("errors.field", contains("target"))
                .body("errors.code", contains("monitoring-has-no-target"));
        as(DIRECTORATE).body("{\"indicatorId\":\"B.25\",\"year\":2042,\"classification\":\"STEERING\"}")
                .post("/api/units/0502/goals")
                .then().statusCode(400).body("errors.field", contains("target"));
    }

    @Test
    void aLeaderActsForUnitsBelowButNotForOtherRegions() {
        String osloLeader = token("leader", "0300");
        as(osloLeader).body(localGoal("B.25", 2043, "60")).post("/api/units/0314/goals").then().statusCode(201);
        as(osloLeader).body(localGoal("B.25", 2043, "60")).post("/api/units/0502/goals")
                .then().statusCode(403).contentType("application/problem+json");
        as(token("leader", "0314")).body(localGoal("B.25", 2043, "60")).post("/api/units/0300/goals")
                .then().statusCode(403);
        as(token("employee", "0314")).body(localGoal("B.26", 2043, "60")).post("/api/units/0314/goals")
                .then().statusCode(403);
        as(DIRECTORATE).get("/api/units/0502/goals?year=2043").then().body("", hasSize(0));
    }

    @Test
    void aUnitHasOneActiveGoalPerIndicatorAndYear() {
        as(DIRECTORATE).body(localGoal("B.26", 2044, "60")).post("/api/units/0315/goals").then().statusCode(201);
        as(DIRECTORATE).body(localGoal("B.26", 2044, "65")).post("/api/units/0315/goals")
                .then().statusCode(409).body("type", equalTo("urn:mrs:problem:goal-exists"));
    }

    @Test
    void rejectsInvalidLocalGoalsNamingTheField() {
        as(DIRECTORATE).body(localGoal("X.99", 2045, "60")).post("/api/units/0314/goals")
                .then().statusCode(400).body("errors.field", contains("indicatorId"))
                .body("errors.code", contains("unknown-indicator"));
        as(DIRECTORATE).body(localGoal("B.15", 2101, "60")).post("/api/units/0314/goals")
                .then().statusCode(400).body("errors.field", contains("year"));
        as(DIRECTORATE).body(localGoal("B.15", 2045, "101")).post("/api/units/0314/goals")
                .then().statusCode(400).body("errors.field", contains("target"))
                .body("errors.code", contains("out-of-range"));
        as(DIRECTORATE).body(localGoal("B.90", 2045, "0.5")).post("/api/units/0314/goals")
                .then().statusCode(400).body("errors.field", contains("target"));
        as(DIRECTORATE).body(localGoal("B.15", 2045, "60")).post("/api/units/0999/goals")
                .then().statusCode(404);
        as(DIRECTORATE).body(localGoal("B.15", 2045, "60").replace("}", ",\"colour\":\"red\"}"))
                .post("/api/units/0314/goals").then().statusCode(400).body("errors.field", contains("colour"));
        as(DIRECTORATE).get("/api/units/0314/goals?year=2045").then().body("", hasSize(0));
    }

    @Test
    void aLocalIndicatorIsUsableOnlyInItsOwnersSubtree() {
        Api.indicator("GJ.1", """
                {"name":"Gjøvik-andel","perspective":"PROCESS","measure":"RATIO","direction":"HIGHER_IS_BETTER",
                 "ownerUnitId":"0502"}""");

        as(DIRECTORATE).body(localGoal("GJ.1", 2046, "50")).post("/api/units/0314/goals")
                .then().statusCode(400).body("errors.field", contains("indicatorId"))
                .body("errors.code", contains("outside-owner"));
        as(DIRECTORATE).body(localGoal("GJ.1", 2046, "50")).post("/api/units/0502/goals").then().statusCode(201);
    }

    @Test
    void readingGoalsNeedsAYearAndAToken() {
        as(DIRECTORATE).get("/api/units/0314/goals").then().statusCode(400).body("errors.field", contains("year"));
        io.restassured.RestAssured.given().get("/api/units/0314/goals?year=2047").then().statusCode(401);
        as(DIRECTORATE).get("/api/units/0999/goals?year=2047").then().statusCode(404);
    }
}
