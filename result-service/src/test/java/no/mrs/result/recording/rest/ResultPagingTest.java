package no.mrs.result.recording.rest;

import no.mrs.devstack.test.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The read endpoints page by limit and after, with a Link to the next page (docs/PAGING.md). */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ResultPagingTest {


    @Inject
    Organisation organisation;

    @Test
    void currentValuesComeOneHundredAtATimeByDefaultAndTheNextLinksLeadToTheRest() {
        String office = organisation.office(Organisation.OSLO);
        List<Results.Item> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String indicator = organisation.ratio();
            for (int month = 0; month < 40; month++) {
                items.add(item(office, indicator, YearMonth.of(2020, 1).plusMonths(month).toString()).ratio(month, 100));
            }
        }
        Results.submit(Tokens.reporter(office), items.toArray(Results.Item[]::new)).statusCode(200)
                .body("accepted", equalTo(120));

        Response first = given().auth().oauth2(Tokens.viewer()).get("/api/results?unitId=" + office);
        first.then().statusCode(200).body("$", hasSize(100));
        assertThat(first.header("Link")).matches("</api/results\\?unitId=" + office + "&after=[A-Za-z0-9_-]+>; rel=\"next\"");

        List<String> paged = all("/api/results?unitId=" + office, "measurementId", 100);
        List<String> whole = given().auth().oauth2(Tokens.viewer()).get("/api/results?unitId=" + office + "&limit=1000")
                .then().statusCode(200).header("Link", nullValue()).extract().jsonPath().getList("measurementId");
        assertThat(paged).hasSize(120).doesNotHaveDuplicates().isEqualTo(whole)
                .containsExactlyInAnyOrderElementsOf(items.stream().map(Results.Item::measurementId).toList());

        String indicator = (String) items.get(50).fields().get("indicatorId");
        List<String> months = all("/api/results?unitId=" + office + "&indicatorId=" + indicator
                + "&from=2021-01&to=2021-12&limit=5", "period", 5);
        assertThat(months).hasSize(12).isSorted().doesNotHaveDuplicates().allMatch(m -> m.startsWith("2021-"));
    }

    @Test
    void aResultsHistoryIsPagedOldestFirst() {
        String office = organisation.office(Organisation.INNLANDET);
        String indicator = organisation.ratio();
        for (int version = 1; version <= 5; version++) {
            Results.Item value = item(office, indicator, "2022-03").ratio(version, 10);
            Results.submit(Tokens.reporter(office), version == 1 ? value : value.reason("correction " + version))
                    .statusCode(200).body("accepted", equalTo(1));
        }
        List<Integer> versions = all("/api/results/history?unitId=" + office + "&indicatorId=" + indicator
                + "&period=2022-03&limit=2", "version", 2);
        assertThat(versions).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void lockedMonthsArePaged() {
        for (String month : List.of("2011-01", "2011-02", "2011-03")) {
            given().auth().oauth2(Tokens.directorate()).post("/api/periods/{p}/lock", month).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
        List<String> whole = given().auth().oauth2(Tokens.viewer()).get("/api/periods?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("period");
        assertThat(all("/api/periods?limit=1", "period", 1)).isEqualTo(whole).isSorted()
                .contains("2011-01", "2011-02", "2011-03");
    }

    @Test
    void rejectsALimitAboveTheMaximumOrNotAPositiveWholeNumberAndForeignCursors() {
        for (String path : List.of("/api/results?unitId=0314", "/api/results/history?unitId=0314&indicatorId=B.15"
                + "&period=2022-01", "/api/periods?x=1")) {
            given().auth().oauth2(Tokens.viewer()).get(path + "&limit=1001").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:mrs:problem:validation"))
                    .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
            for (String limit : List.of("0", "-3", "12345678901234567890")) {
                given().auth().oauth2(Tokens.viewer()).get(path + "&limit=" + limit).then().statusCode(400)
                        .body("errors.field", contains("limit")).body("errors.code", contains("out-of-range"));
            }
            for (String limit : List.of("all", "2.0")) {
                given().auth().oauth2(Tokens.viewer()).get(path + "&limit=" + limit).then().statusCode(400)
                        .body("errors.field", contains("limit")).body("errors.code", contains("invalid-type"));
            }
            given().auth().oauth2(Tokens.viewer()).get(path + "&after=***").then().statusCode(400)
                    .body("errors.field", contains("after"));
        }
        // cursors of the right shape but wrong content: a month that is not one, a version that is not a number
        given().auth().oauth2(Tokens.viewer()).get("/api/results?unitId=0314&after="
                + no.mrs.platform.paging.Cursor.of("B.15", "2022-13")).then().statusCode(400)
                .body("errors.field", contains("after"));
        given().auth().oauth2(Tokens.viewer()).get("/api/results/history?unitId=0314&indicatorId=B.15&period=2022-01"
                + "&after=" + no.mrs.platform.paging.Cursor.of("x")).then().statusCode(400)
                .body("errors.field", contains("after"));
    }

    /** Follows the Link rel="next" from path to the last page; every page but the last is full. */
    static <T> List<T> all(String path, String field, int limit) {
        return Pages.followAll(Tokens.viewer(), path, field, limit);
    }
}
