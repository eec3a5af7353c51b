package no.mrs.reporting.scorecard.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The read API's contract: shapes, CSV, errors as problems, and who may read. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ScorecardResourceTest {

    static boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Api.publish(national("1900", "Testland"), region("1910", "Nav Nord", "1900"),
                office("1911", "Nav Nordby", "1910"), ratio("TA.1", "Andel, med komma"),
                centralGoal("1900", "TA.1", 2021, 80),
                result("1911", "TA.1", "2021-06", 77, 100, "Sommerferie"), result("1911", "TA.1", "2020-06", 60, 100));
    }

    @Test
    void answersTheScorecardInTheDocumentedShape() {
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06").get("/api/scorecards/1910")
                .then().statusCode(200).contentType("application/json")
                .body("unitId", equalTo("1910")).body("unitName", equalTo("Nav Nord")).body("period", equalTo("2021-06"))
                .body("perspectives[0].perspective", equalTo("USER"))
                .body("perspectives[0].rows[0].indicatorId", equalTo("TA.1"))
                .body("perspectives[0].rows[0].measure", equalTo("RATIO"))
                .body("perspectives[0].rows[0].direction", equalTo("HIGHER_IS_BETTER"))
                .body("perspectives[0].rows[0].goal.target", equalTo(80.0f))
                .body("perspectives[0].rows[0].goal.classification", equalTo("STEERING"))
                .body("perspectives[0].rows[0].goal.origin", equalTo("CENTRAL"))
                .body("perspectives[0].rows[0].status", equalTo("NEAR_TARGET"))
                .body("perspectives[0].rows[0].period.thisYear", equalTo(77.0f))
                .body("perspectives[0].rows[0].period.lastYear", equalTo(60.0f))
                .body("perspectives[0].rows[0].trend", nullValue());
    }

    @Test
    void exportsTheScorecardAsCsvForNorwegianExcelWithTheMalekortHeadings() {
        String csv = given().auth().oauth2(Api.VIEWER).accept("text/csv").queryParam("period", "2021-06")
                .get("/api/scorecards/1910").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString(); // decoded as UTF-8, the byte order mark stays as U+FEFF
        assertThat(csv.split("\r\n")).containsExactly(
                "\uFEFFPerspektiv;MK ID;Navn;Mål;Trend;Hittil i året I år;Hittil i året I fjor;Denne perioden I år;"
                        + "Denne perioden I fjor;Status;Målets opphav;Uvanlig tall: forventet fra;"
                        + "Uvanlig tall: forventet til",
                "USER;TA.1;Andel, med komma;80;;77;60;77;60;NEAR_TARGET;CENTRAL;;");
    }

    @Test
    void theSeriesCarriesTheTargetAndTheOfficesComment() {
        given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-05").queryParam("to", "2021-06")
                .get("/api/series/1911/TA.1").then().statusCode(200).body("", hasSize(2))
                .body("[0].period", equalTo("2021-05")).body("[0].value", nullValue())
                .body("[1].value", equalTo(77.0f)).body("[1].numerator", equalTo(77.0f))
                .body("[1].denominator", equalTo(100.0f)).body("[1].target", equalTo(80.0f))
                .body("[1].comment", equalTo("Sommerferie"));
    }

    @Test
    void anUnknownUnitIsNotFound() {
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06").get("/api/scorecards/0999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMalformedPeriodIsABadRequestNamingTheField() {
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-13").get("/api/scorecards/1910")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("period"));
        given().auth().oauth2(Api.VIEWER).get("/api/scorecards/1910")
                .then().statusCode(400).body("errors.field", contains("period"));
        given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-06").queryParam("to", "2021-01")
                .get("/api/series/1911/TA.1").then().statusCode(400).body("errors.field", contains("to"));
    }

    @Test
    void readsNeedATokenWithARoleUnlessOpenReadsIsOn() {
        given().queryParam("period", "2021-06").get("/api/scorecards/1910").then().statusCode(401)
                .contentType("application/problem+json");
        String noRole = DevTokens.issue(List.of(), List.of("1900"));
        given().auth().oauth2(noRole).queryParam("period", "2021-06").get("/api/scorecards/1910").then().statusCode(403);
    }

    @Test
    void theStatusListsEveryPartitionOfBothTopics() {
        given().auth().oauth2(Api.VIEWER).get("/api/status").then().statusCode(200)
                .body("partitions.topic.unique()", org.hamcrest.Matchers.containsInAnyOrder("mrs.goal-events",
                        "mrs.result-events"))
                .body("partitions[0].lastAppliedOffset", org.hamcrest.Matchers.notNullValue())
                .body("partitions[0].lag", equalTo(0));
    }
}
