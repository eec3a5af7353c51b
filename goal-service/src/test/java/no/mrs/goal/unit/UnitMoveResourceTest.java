package no.mrs.goal.unit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Offices move between regions from a month on; earlier months keep the old parent. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class UnitMoveResourceTest {

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void aMovedOfficeKeepsItsOldParentForEarlierMonthsAndChangesScope() {
        Api.unit("0501", "Nav Lillehammer", "OFFICE", "0400");

        as(DIRECTORATE).body("{\"newParentId\":\"0300\",\"effectiveFrom\":\"2024-01\"}").post("/api/units/0501/moves")
                .then().statusCode(200).body("parentId", equalTo("0300"));

        as(DIRECTORATE).get("/api/units/0501?period=2023-12").then().body("parentId", equalTo("0400"));
        as(DIRECTORATE).get("/api/units/0501?period=2024-01").then().body("parentId", equalTo("0300"));
        as(DIRECTORATE).get("/api/units/0400?period=2023-12").then().body("children", hasItem("0501"));
        as(DIRECTORATE).get("/api/units/0400").then().body("children", not(hasItem("0501")));
        // unit scope follows today's tree
        as(token("leader", "0300")).body("{\"indicatorId\":\"B.15\",\"year\":2080,\"classification\":\"STEERING\","
                + "\"target\":60}").post("/api/units/0501/goals").then().statusCode(201);
        as(token("leader", "0400")).body("{\"indicatorId\":\"B.16\",\"year\":2080,\"classification\":\"STEERING\","
                + "\"target\":60}").post("/api/units/0501/goals").then().statusCode(403);
    }

    @Test
    void refusesMovesThatBreakTheHierarchyOrComeFromOutsideTheDirectorate() {
        Api.unit("0415", "Nav Løten", "OFFICE", "0400");

        as(DIRECTORATE).body("{\"newParentId\":\"0314\",\"effectiveFrom\":\"2024-01\"}").post("/api/units/0415/moves")
                .then().statusCode(400).body("errors.field", contains("newParentId"))
                .body("errors.code", contains("wrong-level"));
        as(DIRECTORATE).body("{\"newParentId\":\"0300\",\"effectiveFrom\":\"2024-13\"}").post("/api/units/0415/moves")
                .then().statusCode(400).body("errors.field", contains("effectiveFrom"));
        as(DIRECTORATE).body("{\"newParentId\":\"0400\",\"effectiveFrom\":\"2024-01\"}").post("/api/units/0300/moves")
                .then().statusCode(400).body("errors.code", contains("not-an-office"));
        as(token("leader", "0000")).body("{\"newParentId\":\"0300\",\"effectiveFrom\":\"2024-01\"}")
                .post("/api/units/0415/moves").then().statusCode(403);
        as(DIRECTORATE).body("{\"newParentId\":\"0300\",\"effectiveFrom\":\"2024-01\"}").post("/api/units/0777/moves")
                .then().statusCode(404);
        as(DIRECTORATE).get("/api/units/0415").then().body("parentId", equalTo("0400"));
    }
}
