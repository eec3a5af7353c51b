package no.mrs.goal.goal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.letter;
import static no.mrs.goal.Api.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Revisions with If-Match and a reason, retirement, and the history of who changed what and why. Years 2050–2059. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalRevisionResourceTest {

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void revisesWithIfMatchAndAReasonAndAnswersTheNewVersion() {
        String goalId = Api.localGoal("0314", "B.15", 2050, "78");

        as(token("leader", "0314")).header("If-Match", "\"1\"")
                .body("{\"target\":79.0,\"reason\":\"Nye tall fra arbeidsmarkedet\"}")
                .post("/api/goals/" + goalId + "/revisions")
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("target", equalTo(79.0f));
        as(token("viewer", "0314")).get("/api/units/0314/goals?year=2050").then().body("target", contains(79.0f));
        as(DIRECTORATE).get("/api/goals/" + goalId).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void rejectsRevisionWithoutReason() {
        String goalId = Api.localGoal("0314", "B.16", 2051, "50");

        as(DIRECTORATE).header("If-Match", "\"1\"").body("{\"target\":55}").post("/api/goals/" + goalId + "/revisions")
                .then().statusCode(400).body("errors.field", contains("reason"));
        as(DIRECTORATE).header("If-Match", "\"1\"").body("{\"target\":55,\"reason\":\"  \"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(400);
        as(DIRECTORATE).get("/api/goals/" + goalId).then().body("version", equalTo(1));
    }

    @Test
    void rejectsAStaleOrMissingVersionWith412() {
        String goalId = Api.localGoal("0314", "B.25", 2052, "50");

        as(DIRECTORATE).body("{\"target\":55,\"reason\":\"why\"}").post("/api/goals/" + goalId + "/revisions")
                .then().statusCode(412).contentType("application/problem+json");
        as(DIRECTORATE).header("If-Match", "\"3\"").body("{\"target\":55,\"reason\":\"why\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(412);
        as(DIRECTORATE).header("If-Match", "\"x\"").body("{\"target\":55,\"reason\":\"why\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(412);
        as(DIRECTORATE).get("/api/goals/" + goalId).then().body("target", equalTo(50));
    }

    @Test
    void centralGoalsAreRevisedByTheDirectorateOnly() {
        Api.publishLetter(DIRECTORATE, Api.letter(2053, "0000", "B.15=80")).statusCode(200);
        String goalId = as(DIRECTORATE).get("/api/units/0314/goals?year=2053").then().extract().path("[0].goalId");

        as(token("leader", "0300")).header("If-Match", "\"1\"").body("{\"target\":70,\"reason\":\"lavere\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(403);
        as(DIRECTORATE).header("If-Match", "\"1\"").body("{\"target\":81,\"reason\":\"Statsbudsjettet\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);
    }

    @Test
    void aLeaderOfAnotherRegionCannotReviseOrRetire() {
        String goalId = Api.localGoal("0314", "B.26", 2054, "50");

        as(token("leader", "0400")).header("If-Match", "\"1\"").body("{\"target\":55,\"reason\":\"why\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(403);
        as(token("leader", "0400")).body("{\"reason\":\"why\"}").post("/api/goals/" + goalId + "/retirement")
                .then().statusCode(403);
        as(token("employee", "0314")).body("{\"reason\":\"why\"}").post("/api/goals/" + goalId + "/retirement")
                .then().statusCode(403);
    }

    @Test
    void aRetiredGoalStopsCountingAndCannotBeRevised() {
        String goalId = Api.localGoal("0315", "B.31", 2055, "120");

        as(token("leader", "0300")).body("{\"reason\":\"Utdatert etter reformen\"}")
                .post("/api/goals/" + goalId + "/retirement")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        as(DIRECTORATE).get("/api/units/0315/goals?year=2055").then().body("", hasSize(0));
        as(DIRECTORATE).header("If-Match", "\"2\"").body("{\"target\":130,\"reason\":\"why\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(409);
        as(DIRECTORATE).body("{}").post("/api/goals/" + goalId + "/retirement").then().statusCode(400)
                .body("errors.field", contains("reason"));
    }

    @Test
    void aRevisionTakesEffectFromTheGivenMonthOfTheGoalsYearAndBadMonthsAreRefused() {
        String goalId = Api.localGoal("0314", "B.15", 2057, "70");

        for (String bad : List.of("\"2056-12\"", "\"2058-01\"", "\"2057-13\"", "\"2057-6\"", "\"juni\"", "202706", "\"\"")) {
            as(token("leader", "0314")).header("If-Match", "\"1\"")
                    .body("{\"target\":80,\"reason\":\"Ny prognose\",\"effectiveFrom\":" + bad + "}")
                    .post("/api/goals/" + goalId + "/revisions").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("effectiveFrom"));
        }
        as(DIRECTORATE).get("/api/goals/" + goalId).then().body("version", equalTo(1)).body("target", equalTo(70));

        as(token("leader", "0314")).header("If-Match", "\"1\"")
                .body("{\"target\":80,\"reason\":\"Ny prognose\",\"effectiveFrom\":\"2057-06\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(200).body("version", equalTo(2));
        as(token("viewer", "0314")).get("/api/goals/" + goalId + "/history").then().statusCode(200)
                .body("type", contains("GoalSet", "GoalRevised")).body("[1].effectiveFrom", equalTo("2057-06"))
                .body("[1].target", equalTo(80)).body("[1].previousTarget", equalTo(70));
    }

    @Test
    void historyShowsWhoChangedWhatWhenAndWhy() {
        String goalId = Api.localGoal("0314", "B.32", 2056, "40");
        as(token("leader", "0314")).header("If-Match", "\"1\"").body("{\"target\":45,\"reason\":\"Flere tiltak\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);
        as(token("leader", "0300")).body("{\"reason\":\"Slått sammen med B.31\"}")
                .post("/api/goals/" + goalId + "/retirement").then().statusCode(200);

        as(token("employee", "0314")).get("/api/goals/" + goalId + "/history").then().statusCode(200)
                .body("type", contains("GoalSet", "GoalRevised", "GoalRetired"))
                .body("version", contains(1, 2, 3))
                .body("by", contains("directorate-of-0000", "leader-of-0314", "leader-of-0300"))
                .body("reason", contains("test", "Flere tiltak", "Slått sammen med B.31"))
                .body("target", contains(40, 45, null)).body("[1].previousTarget", equalTo(40))
                // made now for a goal of a later year: from that year's first month
                .body("effectiveFrom", contains(null, "2056-01", null))
                .body("at", contains(notNullValue(), notNullValue(), notNullValue()));
        as(DIRECTORATE).get("/api/goals/" + java.util.UUID.randomUUID() + "/history").then().statusCode(404);
    }
}
