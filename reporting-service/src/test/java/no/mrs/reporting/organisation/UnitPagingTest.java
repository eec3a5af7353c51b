package no.mrs.reporting.organisation;

import no.mrs.devstack.test.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.mrs.contracts.EventPayload;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.paging.Cursor;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.VIEWER;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/units pages by limit and after, with a Link to the next page (docs/PAGING.md). Units 9700–9820. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class UnitPagingTest {


    @Test
    void unitsComeOneHundredAtATimeByDefaultAndTheNextLinksLeadToTheRest() {
        List<EventPayload> events = new ArrayList<>(List.of(national("0000", "Norge"), region("9700", "Nav Test", "0000")));
        for (int i = 9701; i <= 9820; i++) {
            events.add(office(String.valueOf(i), "Nav " + i, "9700"));
        }
        Api.publish(events.toArray(EventPayload[]::new));

        Response first = given().auth().oauth2(VIEWER).get("/api/units?period=2024-01");
        first.then().statusCode(200).body("$", hasSize(100));
        assertThat(first.header("Link")).matches("</api/units\\?period=2024-01&after=[A-Za-z0-9_-]+>; rel=\"next\"");

        List<String> paged = all("/api/units?period=2024-01", 100);
        List<String> whole = given().auth().oauth2(VIEWER).get("/api/units?period=2024-01&limit=1000").then()
                .statusCode(200).header("Link", nullValue()).extract().jsonPath().getList("unitId");
        assertThat(paged).hasSizeGreaterThanOrEqualTo(122).doesNotHaveDuplicates().isEqualTo(whole);
        assertThat(paged.get(0)).isEqualTo("0000");
        assertThat(all("/api/units?limit=7", 7)).isEqualTo(given().auth().oauth2(VIEWER).get("/api/units?limit=1000")
                .then().extract().jsonPath().getList("unitId"));
    }

    @Test
    void rejectsALimitAboveTheMaximumOrNotAPositiveWholeNumberAndForeignCursors() {
        given().auth().oauth2(VIEWER).get("/api/units?limit=1001").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:mrs:problem:validation"))
                .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
        for (String limit : List.of("0", "-1", "10000000000000000000000")) {
            given().auth().oauth2(VIEWER).get("/api/units?limit=" + limit).then().statusCode(400)
                    .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
        }
        for (String limit : List.of("many", "3.5")) {
            given().auth().oauth2(VIEWER).get("/api/units?limit=" + limit).then().statusCode(400)
                    .body("errors.field", contains("limit")).body("errors.code", contains("invalid-type"));
        }
        for (String after : List.of("!!", Cursor.of("0314"), Cursor.of("PLANET", "0314"))) {
            given().auth().oauth2(VIEWER).get("/api/units?after=" + after).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("after"));
        }
    }

    /** Follows the Link rel="next" from path to the last page; every page but the last is full. */
    static List<String> all(String path, int limit) {
        return Pages.followAll(VIEWER, path, "unitId", limit);
    }
}
