package no.mrs.goal.letter;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Goal letters: drafted, redrafted with If-Match, published (their goals take effect), listed. Years 2030–2039. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalLetterResourceTest {

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void aDraftIsRedraftedWithIfMatchThenPublishedAndItsGoalsTakeEffect() {
        String letterId = as(DIRECTORATE).body(letter(2030, "0000", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(201).header("ETag", "\"1\"").body("status", equalTo("DRAFT"))
                .body("version", equalTo(1)).body("letterId", notNullValue()).extract().path("letterId");

        as(DIRECTORATE).header("If-Match", "\"1\"").body(letter(2030, "0000", "B.15=82", "B.16"))
                .put("/api/goal-letters/" + letterId)
                .then().statusCode(200).header("ETag", "\"2\"").body("goals", hasSize(2));
        as(DIRECTORATE).get("/api/units/0314/goals?year=2030").then().statusCode(200).body("", hasSize(0));

        as(DIRECTORATE).post("/api/goal-letters/" + letterId + "/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("goalIds", hasSize(2));

        as(token("viewer", "0314")).get("/api/units/0314/goals?year=2030").then().statusCode(200)
                .body("indicatorId", contains("B.15", "B.16"))
                .body("origin", everyItem(equalTo("CENTRAL"))).body("letterId", everyItem(equalTo(letterId)))
                .body("target", contains(82, null)).body("classification", contains("STEERING", "MONITORING"))
                .body("status", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void aDraftChangesOnlyWithTheCurrentVersion() {
        String letterId = as(DIRECTORATE).body(letter(2031, "0000", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(201).extract().path("letterId");

        as(DIRECTORATE).body(letter(2031, "0000", "B.15=81")).put("/api/goal-letters/" + letterId)
                .then().statusCode(412).contentType("application/problem+json");
        as(DIRECTORATE).header("If-Match", "\"7\"").body(letter(2031, "0000", "B.15=81"))
                .put("/api/goal-letters/" + letterId).then().statusCode(412);
        as(DIRECTORATE).get("/api/goal-letters/" + letterId).then().statusCode(200).header("ETag", "\"1\"")
                .body("goals[0].target", equalTo(80));
    }

    @Test
    void aPublishedLetterNoLongerChanges() {
        String letterId = as(DIRECTORATE).body(letter(2032, "0000", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(201).extract().path("letterId");
        as(DIRECTORATE).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(200);

        as(DIRECTORATE).header("If-Match", "\"2\"").body(letter(2032, "0000", "B.15=70"))
                .put("/api/goal-letters/" + letterId).then().statusCode(409)
                .body("type", equalTo("urn:mrs:problem:letter-published"));
        as(DIRECTORATE).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(409);
    }

    @Test
    void aRegionLeaderIssuesForTheRegionOnly() {
        String osloLeader = token("leader", "0300");
        Api.publishLetter(osloLeader, letter(2033, "0300", "B.25=60")).statusCode(200);

        as(DIRECTORATE).get("/api/units/0315/goals?year=2033").then()
                .body("origin", contains("REGIONAL")).body("sourceUnitId", contains("0300"));
        as(DIRECTORATE).get("/api/units/0502/goals?year=2033").then().body("", hasSize(0));

        as(osloLeader).body(letter(2033, "0400", "B.25=60")).post("/api/goal-letters").then().statusCode(403);
        as(osloLeader).body(letter(2033, "0000", "B.25=60")).post("/api/goal-letters").then().statusCode(403);
        as(token("leader", "0000")).body(letter(2033, "0000", "B.25=60")).post("/api/goal-letters")
                .then().statusCode(403);
        as(token("employee", "0300")).body(letter(2033, "0300", "B.25=60")).post("/api/goal-letters")
                .then().statusCode(403);
    }

    @Test
    void aLeaderCannotPublishAnotherRegionsLetter() {
        String letterId = as(token("leader", "0400")).body(letter(2034, "0400", "B.25=60")).post("/api/goal-letters")
                .then().statusCode(201).extract().path("letterId");

        as(token("leader", "0300")).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(403);
        as(DIRECTORATE).get("/api/goal-letters/" + letterId).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void rejectsInvalidLettersNamingTheField() {
        as(DIRECTORATE).body(letter(2035, "0314", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("issuerUnitId"))
                .body("errors.code", contains("wrong-level"));
        as(DIRECTORATE).body(letter(1999, "0000", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("year"));
        as(DIRECTORATE).body(letter(2035, "0000", "B.15=180")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("goals[0].target"));
        as(DIRECTORATE).body(letter(2035, "0000", "X.99=10")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("goals[0].indicatorId"))
                .body("errors.code", contains("unknown-indicator"));
        as(DIRECTORATE).body(letter(2035, "0000", "B.16").replace("\"MONITORING\"", "\"MONITORING\",\"target\":5"))
                .post("/api/goal-letters")
                .then().statusCode(400).body("errors.code", contains("monitoring-has-no-target"));
        as(DIRECTORATE).body(letter(2035, "0000", "B.31=10.5")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("goals[0].target"));
        as(DIRECTORATE).body(letter(2035, "0000", "B.90=7")).post("/api/goal-letters")
                .then().statusCode(400).body("errors.field", contains("goals[0].target"));
    }

    @Test
    void listsLettersByYearAndIssuer() {
        as(DIRECTORATE).body(letter(2036, "0000", "B.15=80")).post("/api/goal-letters").then().statusCode(201);
        as(DIRECTORATE).body(letter(2036, "0300", "B.16=50")).post("/api/goal-letters").then().statusCode(201);

        as(token("viewer", "0502")).get("/api/goal-letters?year=2036").then().statusCode(200)
                .body("issuerUnitId", containsInAnyOrder("0000", "0300"));
        as(token("viewer", "0502")).get("/api/goal-letters?year=2036&issuerUnitId=0300").then().statusCode(200)
                .body("issuerUnitId", contains("0300"));
        as(DIRECTORATE).get("/api/goal-letters/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
