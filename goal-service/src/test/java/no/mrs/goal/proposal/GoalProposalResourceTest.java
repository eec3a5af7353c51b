package no.mrs.goal.proposal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff propose goals for their unit; a leader adopts (a local goal that remembers the proposal) or rejects. 2070–2079. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalProposalResourceTest {

    static final String EMPLOYEE = token("employee", "0314");

    static String proposal(String indicatorId, int year, String target) {
        return "{\"indicatorId\":\"" + indicatorId + "\",\"year\":" + year + ",\"classification\":\"STEERING\","
                + "\"target\":" + target + ",\"rationale\":\"Forslag fra oppfølgingsavdelingen\"}";
    }

    static String propose(String indicatorId, int year) {
        return as(EMPLOYEE).body(proposal(indicatorId, year, "75")).post("/api/units/0314/goal-proposals")
                .then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("employee-of-0314")).extract().path("proposalId");
    }

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void anAdoptedProposalBecomesALocalGoalThatRemembersIt() {
        String proposalId = propose("B.15", 2070);

        String goalId = as(token("leader", "0314")).body("{\"decision\":\"ADOPT\",\"reason\":\"Godt begrunnet\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision")
                .then().statusCode(200).body("status", equalTo("ADOPTED")).body("decidedBy", equalTo("leader-of-0314"))
                .extract().path("goalId");

        as(EMPLOYEE).get("/api/units/0314/goals?year=2070").then()
                .body("goalId", contains(goalId)).body("[0].proposalId", equalTo(proposalId))
                .body("[0].origin", equalTo("LOCAL")).body("[0].target", equalTo(75));
    }

    @Test
    void aRejectionNeedsAReason() {
        String proposalId = propose("B.16", 2071);

        as(token("leader", "0300")).body("{\"decision\":\"REJECT\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision")
                .then().statusCode(400).body("errors.field", contains("reason"));
        as(token("leader", "0300")).body("{\"decision\":\"REJECT\",\"reason\":\"Vi har nok mål i år\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("Vi har nok mål i år"));
        as(token("leader", "0300")).body("{\"decision\":\"ADOPT\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision")
                .then().statusCode(409).body("type", equalTo("urn:mrs:problem:proposal-decided"));
    }

    @Test
    void proposalsAreListedByStatus() {
        String open = propose("B.25", 2072);
        String rejected = propose("B.26", 2072);
        as(DIRECTORATE).body("{\"decision\":\"REJECT\",\"reason\":\"Nei\"}")
                .post("/api/goal-proposals/" + rejected + "/decision").then().statusCode(200);

        as(token("viewer", "0314")).get("/api/units/0314/goal-proposals?status=PROPOSED").then().statusCode(200)
                .body("proposalId", hasItem(open)).body("proposalId", not(hasItem(rejected)));
        as(token("viewer", "0314")).get("/api/units/0314/goal-proposals?status=REJECTED").then()
                .body("proposalId", hasItem(rejected));
    }

    @Test
    void aProposalTellsWhenItWasMadeAndWhenDecided() {
        Instant before = Instant.now().minusSeconds(1);
        String proposalId = propose("B.32", 2075);
        as(EMPLOYEE).get("/api/goal-proposals/" + proposalId).then()
                .body("proposedAt", notNullValue()).body("decidedAt", nullValue());

        String decidedAt = as(token("leader", "0314")).body("{\"decision\":\"REJECT\",\"reason\":\"Ikke i år\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision").then().statusCode(200)
                .extract().path("decidedAt");
        String proposedAt = as(EMPLOYEE).get("/api/goal-proposals/" + proposalId).then()
                .body("decidedAt", equalTo(decidedAt)).extract().path("proposedAt");
        assertThat(Instant.parse(proposedAt)).isAfter(before);
        assertThat(Instant.parse(decidedAt)).isAfterOrEqualTo(Instant.parse(proposedAt));
    }

    @Test
    void anyoneInTheUnitProposesButOnlyLeadersAboveDecide() {
        as(token("viewer", "0314")).body(proposal("B.31", 2073, "100")).post("/api/units/0314/goal-proposals")
                .then().statusCode(201);
        as(token("employee", "0300")).body(proposal("B.31", 2073, "100")).post("/api/units/0314/goal-proposals")
                .then().statusCode(201);
        as(token("employee", "0502")).body(proposal("B.31", 2073, "100")).post("/api/units/0314/goal-proposals")
                .then().statusCode(403);

        String proposalId = propose("B.32", 2073);
        as(EMPLOYEE).body("{\"decision\":\"ADOPT\"}").post("/api/goal-proposals/" + proposalId + "/decision")
                .then().statusCode(403);
        as(token("leader", "0400")).body("{\"decision\":\"ADOPT\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision").then().statusCode(403);
        as(token("leader", "0315")).body("{\"decision\":\"ADOPT\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision").then().statusCode(403);
        as(DIRECTORATE).get("/api/goal-proposals/" + proposalId).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void rejectsInvalidProposalsNamingTheField() {
        as(EMPLOYEE).body(proposal("B.15", 2074, "120")).post("/api/units/0314/goal-proposals")
                .then().statusCode(400).body("errors.field", contains("target"));
        as(EMPLOYEE).body(proposal("Q.1", 2074, "12")).post("/api/units/0314/goal-proposals")
                .then().statusCode(400).body("errors.field", contains("indicatorId"));
        as(DIRECTORATE).body("{\"decision\":\"MAYBE\"}").post("/api/goal-proposals/" + java.util.UUID.randomUUID()
                + "/decision").then().statusCode(400);
        as(DIRECTORATE).body("{\"decision\":\"ADOPT\"}").post("/api/goal-proposals/" + java.util.UUID.randomUUID()
                + "/decision").then().statusCode(404);
    }
}
