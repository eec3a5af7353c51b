package no.mrs.reporting.asof;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.moved;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static no.mrs.reporting.support.Events.revisedFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scorecards "as published": {@code ?asOf=} answers what reporting-service would have answered at that instant,
 * against the real broker and database, and a rebuild from the topics leaves every such answer as it was.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class AsPublishedTest {

    @jakarta.inject.Inject
    no.mrs.reporting.projection.SlotStore store;

    private static final Instant T0 = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant T1 = T0.plus(Duration.ofDays(10));
    private static final Instant T2 = T0.plus(Duration.ofDays(15));

    private static void sendAt(Instant time, no.mrs.contracts.EventPayload... events) {
        Feed.sendAt(time, events);
        Api.awaitCaughtUp();
    }

    private static JsonPath scorecard(String unitId, String period, Instant asOf) {
        return Api.json(given().auth().oauth2(Api.VIEWER).queryParam("period", period)
                .queryParam("asOf", asOf.toString()).get("/api/scorecards/" + unitId).then().statusCode(200)
                .extract().asString());
    }

    private static Map<String, Object> row(JsonPath card, String indicatorId) {
        return card.getMap("perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Double month(Map<String, Object> row) {
        Object value = ((Map<String, Object>) row.get("period")).get("thisYear");
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScorecardAsOfADateBeforeACorrectionShowsTheOldFigureAndMarksWhatChangedWithTheReason() {
        ResultRecorded wrong = result("9511", "AP.1", "2021-02", 90, 100);
        sendAt(T0, national("9500", "Asland"), region("9510", "Nav Asvik", "9500"), office("9511", "Nav Asby", "9510"),
                office("9512", "Nav Asdal", "9510"), ratio("AP.1", "Andel som publisert"), wrong,
                result("9511", "AP.1", "2021-01", 5, 10));
        sendAt(T1, corrected(wrong, 30, 60, "Feil i fagsystemet"));
        sendAt(T2, result("9512", "AP.1", "2021-02", 10, 100));

        // before the correction: the old figure, marked with what changed it since and why
        JsonPath before = scorecard("9511", "2021-02", T0.plus(Duration.ofHours(1)));
        assertThat(before.getString("requestedAsOf")).isEqualTo(T0.plus(Duration.ofHours(1)).toString());
        Map<String, Object> office = row(before, "AP.1");
        assertThat(month(office)).isEqualTo(90.0);
        Map<String, Object> changed = (Map<String, Object>) office.get("changedSince");
        assertThat(changed).containsEntry("period", 50.0).containsEntry("corrections", 1)
                .containsEntry("lateReports", 0).containsEntry("reasons", List.of("Feil i fagsystemet"));
        // the region then: only the office's first figure; since then a correction and a late report
        Map<String, Object> region = row(scorecard("9510", "2021-02", T0.plus(Duration.ofHours(1))), "AP.1");
        assertThat(month(region)).isEqualTo(90.0);
        assertThat((Map<String, Object>) region.get("changedSince")).containsEntry("corrections", 1)
                .containsEntry("lateReports", 1);

        // after the correction: the new figure, unchanged since
        Map<String, Object> after = row(scorecard("9511", "2021-02", T1.plus(Duration.ofHours(1))), "AP.1");
        assertThat(month(after)).isEqualTo(50.0);
        assertThat(after.get("changedSince")).isNull();
        assertThat(month(row(scorecard("9510", "2021-02", T1.plus(Duration.ofHours(1))), "AP.1"))).isEqualTo(50.0);
        // now: the same as without asOf
        assertThat(month(row(scorecard("9510", "2021-02", Instant.now()), "AP.1")))
                .isEqualTo(Api.row("9510", "2021-02", "AP.1").month());

        // before anything was known: an empty scorecard, not an error
        JsonPath nothing = scorecard("9511", "2021-02", T0.minus(Duration.ofHours(1)));
        assertThat(nothing.getList("perspectives")).isEmpty();
        assertThat(nothing.getString("unitName")).isEqualTo("Nav Asby");

        // the same instant on the series, the comparison and the CSV
        List<Double> values = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-01")
                .queryParam("to", "2021-02").queryParam("asOf", T0.plus(Duration.ofHours(1)).toString())
                .get("/api/series/9511/AP.1").then().statusCode(200).extract().asString()).getList("value", Double.class);
        assertThat(values).containsExactly(50.0, 90.0);
        JsonPath comparison = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02")
                .queryParam("asOf", T0.plus(Duration.ofHours(1)).toString()).get("/api/comparisons/9510/AP.1").then()
                .statusCode(200).extract().asString());
        assertThat(comparison.getList("unitId")).containsExactly("9511", "9512");
        assertThat(comparison.getList("period", Double.class)).containsExactly(90.0, null);
        String csv = given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02").queryParam("format", "csv")
                .queryParam("asOf", T0.plus(Duration.ofHours(1)).toString()).get("/api/scorecards/9511").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains("Andel som publisert").contains(";90");

        // the slot keeps the history: the model loaded from it (as on a restart) digests as the live one
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> no.mrs.reporting.rebuild.Checksum
                .of(store.loadActive().model()).checksum().equals(Api.checksum()));

        // a rebuild from the topics leaves every asOf answer (and the history's checksum) as it was
        List<Instant> instants = List.of(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)),
                T1.plus(Duration.ofHours(1)), T2.plus(Duration.ofHours(1)));
        List<String> answers = answers(instants);
        String checksum = Api.checksum();
        Api.rebuild();
        Api.awaitCaughtUp();
        assertThat(answers(instants)).isEqualTo(answers);
        assertThat(Api.checksum()).isEqualTo(checksum);
    }

    private static List<String> answers(List<Instant> instants) {
        return instants.stream().flatMap(at -> java.util.stream.Stream.of("9500", "9510", "9511", "9512")
                .map(unit -> given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02")
                        .queryParam("asOf", at.toString()).get("/api/scorecards/" + unit).then().statusCode(200)
                        .extract().asString())).toList();
    }

    @Test
    void asOfADateBeforeAnOfficeMovedItCountsUnderItsOldRegion() {
        sendAt(T0, national("9600", "Flyttland"), region("9610", "Nav Gammel", "9600"),
                region("9620", "Nav Ny", "9600"), office("9611", "Nav Flytteby", "9610"),
                ratio("AP.2", "Andel etter flytting"), result("9611", "AP.2", "2021-02", 40, 100));
        sendAt(T1, moved("9611", "9610", "9620", "2021-01"));

        Instant between = T0.plus(Duration.ofHours(1));
        assertThat(month(row(scorecard("9610", "2021-02", between), "AP.2"))).isEqualTo(40.0);
        assertThat(row(scorecard("9620", "2021-02", between), "AP.2")).isNull();
        // now the move counts from January: the new region has the figure, the old one none
        assertThat(month(row(scorecard("9620", "2021-02", Instant.now()), "AP.2"))).isEqualTo(40.0);
        assertThat(Api.row("9610", "2021-02", "AP.2")).isNull();
        // the comparison then lists the office under its old region
        JsonPath comparison = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02")
                .queryParam("asOf", between.toString()).get("/api/comparisons/9610/AP.2").then().statusCode(200)
                .extract().asString());
        assertThat(comparison.getList("unitId")).containsExactly("9611");
    }

    @Test
    void asOfADateBeforeATargetRevisionTheOldTargetCounts() {
        GoalSet goal = centralGoal("9800", "AP.3", 2021, 80);
        sendAt(T0, national("9800", "Målland"), office("9801", "Nav Målby", "9800"), ratio("AP.3", "Andel med mål"),
                goal, result("9801", "AP.3", "2021-07", 85, 100));
        sendAt(T1, revisedFrom(goal, "2021-06", 90, 80));

        Map<String, Object> then = row(scorecard("9801", "2021-07", T0.plus(Duration.ofHours(1))), "AP.3");
        assertThat(((Map<?, ?>) then.get("goal")).get("target")).isEqualTo(80.0);
        assertThat(then.get("status")).isEqualTo("ON_TARGET");
        assertThat(Api.row("9801", "2021-07", "AP.3").target()).isEqualTo(90.0);
        assertThat(Api.row("9801", "2021-07", "AP.3").status()).isEqualTo("OFF_TARGET");
    }

    @Test
    void anInstantInTheFutureOrNotAnInstantIsA400AndAnUnknownUnitA404() {
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02")
                .queryParam("asOf", Instant.now().plus(Duration.ofDays(1)).toString()).get("/api/scorecards/0300")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"));
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02").queryParam("asOf", "yesterday")
                .get("/api/scorecards/0300").then().statusCode(400)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("not-an-instant"));
        given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-01").queryParam("to", "2021-02")
                .queryParam("asOf", Instant.now().plus(Duration.ofDays(1)).toString()).get("/api/series/0300/X.1")
                .then().statusCode(400);
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02")
                .queryParam("asOf", T0.toString()).get("/api/scorecards/no-such-unit").then().statusCode(404);
        // an empty asOf counts as absent (no 400): here the unknown unit's 404, as without it
        given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02").queryParam("asOf", "")
                .get("/api/scorecards/no-such-unit").then().statusCode(404);
    }
}
