package no.mrs.goal.indicator;

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

@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class IndicatorResourceTest {

    static final String RATIO = """
            {"name":"%s","perspective":"USER","measure":"RATIO","direction":"HIGHER_IS_BETTER","description":"%s"}""";

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    @Test
    void theDirectorateDefinesAndRedefinesACentralIndicator() {
        as(DIRECTORATE).body(RATIO.formatted("Andel med gradert sykemelding", "ved 12 uker")).put("/api/indicators/B.14")
                .then().statusCode(201).body("indicatorId", equalTo("B.14")).body("measure", equalTo("RATIO"))
                .body("version", equalTo(1));
        as(DIRECTORATE).body(RATIO.formatted("Andel med gradert sykemelding", "ved passering 12 uker"))
                .put("/api/indicators/B.14")
                .then().statusCode(200).body("description", equalTo("ved passering 12 uker")).body("version", equalTo(2));

        as(token("viewer", "0314")).get("/api/indicators/B.14").then().statusCode(200)
                .body("description", equalTo("ved passering 12 uker"));
        as(token("employee", "0314")).get("/api/indicators").then().statusCode(200)
                .body("indicatorId", hasItem("B.14"));
    }

    @Test
    void aScoreIndicatorCarriesItsScale() {
        as(DIRECTORATE).body("""
                {"name":"Trivsel","perspective":"EMPLOYEE","measure":"SCORE","direction":"HIGHER_IS_BETTER",
                 "scaleMin":1,"scaleMax":6}""").put("/api/indicators/M.1")
                .then().statusCode(oneOf(200, 201)).body("scaleMin", equalTo(1)).body("scaleMax", equalTo(6));
        as(DIRECTORATE).body("""
                {"name":"Trivsel","perspective":"EMPLOYEE","measure":"SCORE","direction":"HIGHER_IS_BETTER"}""")
                .put("/api/indicators/M.2")
                .then().statusCode(400).body("errors.field", contains("scaleMin"));
    }

    @Test
    void aRegionLeaderDefinesALocalIndicatorForTheRegionOnly() {
        String osloLeader = token("leader", "0300");
        as(osloLeader).body("""
                {"name":"Andel ungdom i aktivitet","perspective":"USER","measure":"RATIO",
                 "direction":"HIGHER_IS_BETTER","ownerUnitId":"0300"}""").put("/api/indicators/OS.1")
                .then().statusCode(oneOf(200, 201)).body("ownerUnitId", equalTo("0300"));
        as(osloLeader).body("""
                {"name":"Gjøvik","perspective":"USER","measure":"RATIO","direction":"HIGHER_IS_BETTER",
                 "ownerUnitId":"0502"}""").put("/api/indicators/GJ.1")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyTheDirectorateDefinesCentralIndicators() {
        as(token("leader", "0000")).body(RATIO.formatted("X", "x")).put("/api/indicators/X.1")
                .then().statusCode(403).contentType("application/problem+json");
        as(token("employee", "0000")).body(RATIO.formatted("X", "x")).put("/api/indicators/X.1")
                .then().statusCode(403);
    }

    @Test
    void rejectsAnUnknownOwnerAMalformedIdAndAChangedMeasure() {
        as(DIRECTORATE).body("""
                {"name":"X","perspective":"USER","measure":"RATIO","direction":"HIGHER_IS_BETTER","ownerUnitId":"0999"}""")
                .put("/api/indicators/X.2")
                .then().statusCode(400).body("errors.field", contains("ownerUnitId"))
                .body("errors.code", contains("unknown-unit"));
        as(DIRECTORATE).body(RATIO.formatted("X", "x")).put("/api/indicators/b15")
                .then().statusCode(400).body("errors.field", contains("indicatorId"));
        as(DIRECTORATE).body("""
                {"name":"Andel B.15","perspective":"USER","measure":"COUNT","direction":"HIGHER_IS_BETTER"}""")
                .put("/api/indicators/B.15")
                .then().statusCode(400).body("errors.code", contains("measure-change"));
        as(DIRECTORATE).body("""
                {"name":"X","perspective":"SIDEWAYS","measure":"RATIO","direction":"HIGHER_IS_BETTER"}""")
                .put("/api/indicators/X.3")
                .then().statusCode(400).body("errors.field", contains("perspective"));
    }

    @Test
    void answersAnUnknownIndicatorWith404() {
        as(DIRECTORATE).get("/api/indicators/Z.999").then().statusCode(404).contentType("application/problem+json");
    }

    private static org.hamcrest.Matcher<Integer> oneOf(Integer... values) {
        return org.hamcrest.Matchers.oneOf(values);
    }
}
