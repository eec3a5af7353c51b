package no.mrs.goal.unit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class UnitResourceTest {

    static final String DIRECTORATE = DevTokens.issue(java.util.List.of("directorate"), java.util.List.of("0000"));

    @BeforeEach
    void organisation() {
        put("0000", "{\"name\":\"Norge\",\"level\":\"NATIONAL\"}");
        put("0300", "{\"name\":\"Nav Oslo\",\"level\":\"REGION\",\"parentId\":\"0000\"}");
        put("0400", "{\"name\":\"Nav Innlandet\",\"level\":\"REGION\",\"parentId\":\"0000\"}");
    }

    static void put(String unitId, String body) {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON).body(body)
                .put("/api/units/" + unitId).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void registersAnOfficeUnderARegionAndShowsItAsAChild() {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav Nordstrand\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}")
                .put("/api/units/0318")
                .then().statusCode(201).body("unitId", equalTo("0318")).body("parentId", equalTo("0300"));

        given().auth().oauth2(DIRECTORATE).get("/api/units/0300")
                .then().statusCode(200).body("children", hasItem("0318"));
    }

    @Test
    void anyRoleListsEveryUnitWithItsChildren() {
        put("0313", "{\"name\":\"Nav St. Hanshaugen\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}");
        String reporter = DevTokens.issue(java.util.List.of("reporter"), java.util.List.of("0502"));

        given().auth().oauth2(reporter).get("/api/units")
                .then().statusCode(200).body("unitId", hasItem("0313"))
                .body("find { it.unitId == '0300' }.children", hasItem("0313"))
                .body("find { it.unitId == '0000' }.parentId", org.hamcrest.Matchers.nullValue());
        given().get("/api/units").then().statusCode(401);
    }

    @Test
    void renamingAnExistingUnitAnswers200() {
        put("0402", "{\"name\":\"Nav Kongsvinger\",\"level\":\"OFFICE\",\"parentId\":\"0400\"}");
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav Kongsvinger og Eidskog\",\"level\":\"OFFICE\",\"parentId\":\"0400\"}")
                .put("/api/units/0402")
                .then().statusCode(200).body("name", equalTo("Nav Kongsvinger og Eidskog"));
    }

    @Test
    void rejectsAnOfficeDirectlyUnderTheNation() {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav Feil\",\"level\":\"OFFICE\",\"parentId\":\"0000\"}")
                .put("/api/units/0999")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("parentId")).body("errors.code", contains("wrong-level"));
    }

    @Test
    void rejectsUnknownPropertiesWithAProblem() {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav X\",\"level\":\"REGION\",\"parentId\":\"0000\",\"colour\":\"red\"}")
                .put("/api/units/0600")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("urn:mrs:problem:")).body("errors.field", contains("colour"))
                .body("errors.code", contains("unknown-property"));
    }

    @Test
    void rejectsAMalformedUnitId() {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav X\",\"level\":\"REGION\",\"parentId\":\"0000\"}")
                .put("/api/units/03")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("unitId"));
    }

    @Test
    void rejectsMalformedJson() {
        given().auth().oauth2(DIRECTORATE).contentType(ContentType.JSON).body("{\"name\":")
                .put("/api/units/0600")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:malformed-body"));
    }

    @Test
    void refusesWritesWithoutATokenAndOutsideTheRole() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Nav X\",\"level\":\"REGION\",\"parentId\":\"0000\"}")
                .put("/api/units/0600")
                .then().statusCode(401).contentType("application/problem+json");
        String leader = DevTokens.issue(java.util.List.of("leader"), java.util.List.of("0000"));
        given().auth().oauth2(leader).contentType(ContentType.JSON)
                .body("{\"name\":\"Nav X\",\"level\":\"REGION\",\"parentId\":\"0000\"}")
                .put("/api/units/0600")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void answersUnknownPathsAndUnitsWithProblems() {
        given().auth().oauth2(DIRECTORATE).get("/api/units/0777")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DIRECTORATE).get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
