package no.mrs.goal.budget;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import no.mrs.platform.events.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.letter;
import static no.mrs.goal.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** "Few but binding goals": the cap per unit and year, who sets it, and what it refuses. Years 2060–2069. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalBudgetResourceTest {

    @Inject
    EventStore store;

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    static void setBudget(String token, String unitId, int year, int max, int status) {
        as(token).body("{\"year\":" + year + ",\"maxSteeringGoals\":" + max + "}")
                .put("/api/units/" + unitId + "/goal-budget").then().statusCode(status);
    }

    long events() {
        return store.readAfter(0, 1_000_000).size();
    }

    @Test
    void everyUnitHasTheConfiguredDefault() {
        as(token("viewer", "0502")).get("/api/units/0502/goal-budget?year=2060").then().statusCode(200)
                .body("maxSteeringGoals", equalTo(8)).body("own", equalTo(false)).body("steeringGoals", equalTo(0));
    }

    @Test
    void theDirectorateOrALeaderAboveSetsABudget() {
        setBudget(DIRECTORATE, "0314", 2061, 10, 200);
        setBudget(token("leader", "0300"), "0315", 2061, 6, 200);
        as(DIRECTORATE).get("/api/units/0315/goal-budget?year=2061").then()
                .body("maxSteeringGoals", equalTo(6)).body("own", equalTo(true));

        setBudget(token("leader", "0314"), "0314", 2061, 12, 403);
        setBudget(token("leader", "0300"), "0300", 2061, 12, 403);
        setBudget(token("leader", "0400"), "0314", 2061, 12, 403);
        setBudget(token("employee", "0300"), "0314", 2061, 12, 403);
        as(DIRECTORATE).get("/api/units/0314/goal-budget?year=2061").then().body("maxSteeringGoals", equalTo(10));
    }

    @Test
    void aLocalGoalOverTheBudgetIsRefusedNamingTheUnitAndNothingIsWritten() {
        setBudget(DIRECTORATE, "0314", 2062, 1, 200);
        Api.localGoal("0314", "B.15", 2062, "70");
        long before = events();

        as(DIRECTORATE).body("{\"indicatorId\":\"B.16\",\"year\":2062,\"classification\":\"STEERING\",\"target\":50}")
                .post("/api/units/0314/goals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("goal-budget-exceeded")).body("detail", containsString("0314"))
                .body("units.unitId", contains("0314")).body("units.steeringGoals", contains(2))
                .body("units.maxSteeringGoals", contains(1));

        assertThat(events()).isEqualTo(before);
        as(DIRECTORATE).get("/api/units/0314/goals?year=2062").then().body("indicatorId", contains("B.15"));
        // a MONITORING goal does not count against the budget
        as(DIRECTORATE).body("{\"indicatorId\":\"B.16\",\"year\":2062,\"classification\":\"MONITORING\"}")
                .post("/api/units/0314/goals").then().statusCode(201);
    }

    @Test
    void aLetterThatWouldBreakBudgetsStaysADraft() {
        setBudget(DIRECTORATE, "0315", 2063, 1, 200);
        setBudget(DIRECTORATE, "0502", 2063, 1, 200);
        String letterId = as(DIRECTORATE).body(letter(2063, "0000", "B.15=80", "B.16=50")).post("/api/goal-letters")
                .then().statusCode(201).extract().path("letterId");
        long before = events();

        as(DIRECTORATE).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(422)
                .body("type", equalTo("urn:mrs:problem:goal-budget-exceeded"))
                .body("units.unitId", contains("0315", "0502")).body("units.steeringGoals", contains(2, 2));

        assertThat(events()).isEqualTo(before);
        as(DIRECTORATE).get("/api/goal-letters/" + letterId).then().body("status", equalTo("DRAFT"));
        as(DIRECTORATE).get("/api/units/0502/goals?year=2063").then().body("", hasSize(0));
    }

    @Test
    void aBudgetCannotGoBelowTheSteeringGoalsInForce() {
        Api.localGoal("0502", "B.15", 2064, "70");
        Api.localGoal("0502", "B.16", 2064, "70");

        as(DIRECTORATE).body("{\"year\":2064,\"maxSteeringGoals\":1}").put("/api/units/0502/goal-budget")
                .then().statusCode(422).body("units.steeringGoals", contains(2));
        as(DIRECTORATE).body("{\"year\":2064,\"maxSteeringGoals\":-1}").put("/api/units/0502/goal-budget")
                .then().statusCode(400).body("errors.field", contains("maxSteeringGoals"));
        as(DIRECTORATE).body("{\"year\":2064,\"maxSteeringGoals\":2}").put("/api/units/0999/goal-budget")
                .then().statusCode(404);
    }
}
