package no.mrs.reporting.scorecard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.contracts.result.Outlier;
import no.mrs.contracts.result.OutlierConfirmed;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.count;
import static no.mrs.reporting.support.Events.dec;
import static no.mrs.reporting.support.Events.indicator;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.region;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outlier check's warning travels on the result events: the office's scorecard row and series point are marked
 * with the expected range until a leader confirms the figure or it is corrected; a rebuild reproduces the marks.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OutlierMarkTest {

    static final Outlier WARNING = new Outlier(new BigDecimal("410"), new BigDecimal("17.5"), new BigDecimal("97"));

    static ResultRecorded flagged(String unitId, String indicatorId, String period, long value) {
        return new ResultRecorded(UUID.randomUUID().toString(), unitId, indicatorId, YearMonth.parse(period), null,
                null, dec(value), null, Instant.now(), null, WARNING);
    }

    static Map<String, Object> point(String unitId, String indicatorId, String period) {
        JsonPath series = Api.json(given().auth().oauth2(Api.VIEWER).queryParam("from", period)
                .queryParam("to", period).get("/api/series/" + unitId + "/" + indicatorId).then().statusCode(200)
                .extract().asString());
        return series.getMap("[0]");
    }

    static Map<String, Object> mark(String unitId, String period, String indicatorId) {
        return Api.scorecard(unitId, period)
                .getMap("perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }.outlier");
    }

    @Test
    void aFlaggedFigureIsMarkedOnTheOfficesRowAndPointUntilALeaderConfirmsIt() {
        ResultRecorded planted = flagged("7311", "TO.1", "2021-06", 410);
        Api.publish(national("7300", "Testland"), region("7310", "Nav Vest", "7300"),
                office("7311", "Nav Vestby", "7310"),
                indicator("TO.1", "Antall", no.mrs.contracts.goal.Measure.COUNT,
                        no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.USER),
                count("7311", "TO.1", "2021-05", 41), planted);

        assertThat(mark("7311", "2021-06", "TO.1")).containsEntry("figure", 410.0)
                .containsEntry("expectedLow", 17.5).containsEntry("expectedHigh", 97.0);
        assertThat(point("7311", "TO.1", "2021-06").get("outlier")).isEqualTo(mark("7311", "2021-06", "TO.1"));
        assertThat(mark("7311", "2021-05", "TO.1")).isNull();
        assertThat(point("7311", "TO.1", "2021-05").get("outlier")).isNull();
        // the region's figure is a sum; the mark belongs to the office's own figure
        assertThat(mark("7310", "2021-06", "TO.1")).isNull();
        assertThat(point("7310", "TO.1", "2021-06").get("outlier")).isNull();

        // the exports people open carry the mark too: the expected range at the end of the scorecard's row, before
        // the comment in the series
        String scorecardCsv = given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06")
                .queryParam("format", "csv").get("/api/scorecards/7311").then().statusCode(200).extract().asString();
        assertThat(scorecardCsv).contains(";TO.1;").containsPattern("TO\\.1;[^\r\n]*;17,5;97\r\n");
        String seriesCsv = given().auth().oauth2(Api.VIEWER).queryParam("from", "2021-05").queryParam("to", "2021-06")
                .queryParam("format", "csv").get("/api/series/7311/TO.1").then().statusCode(200).extract().asString();
        assertThat(seriesCsv.split("\r\n")).containsExactly("\uFEFFPeriode;Verdi;Teller;Nevner;Mål;"
                + "Uvanlig tall: forventet fra;Uvanlig tall: forventet til;Kommentar", "2021-05;41;;;;;;",
                "2021-06;410;;;;17,5;97;");

        String marked = Api.checksum();
        Api.publish(new OutlierConfirmed("7311", "TO.1", YearMonth.of(2021, 6), planted.measurementId(),
                "A job fair with 400 hires in June"));

        assertThat(mark("7311", "2021-06", "TO.1")).isNull();
        assertThat(point("7311", "TO.1", "2021-06").get("outlier")).isNull();
        assertThat(Api.row("7311", "2021-06", "TO.1").month()).isEqualTo(410.0);
        assertThat(Api.checksum()).isNotEqualTo(marked);
    }

    @Test
    void aCorrectionReplacesTheMarkWithTheCheckOfTheNewFigure() {
        ResultRecorded planted = flagged("7321", "TO.2", "2021-06", 410);
        Api.publish(national("7300", "Testland"), region("7320", "Nav Nordvest", "7300"),
                office("7321", "Nav Nordvestby", "7320"),
                indicator("TO.2", "Antall", no.mrs.contracts.goal.Measure.COUNT,
                        no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.USER), planted);
        assertThat(mark("7321", "2021-06", "TO.2")).isNotNull();

        Api.publish(new ResultCorrected(UUID.randomUUID().toString(), "7321", "TO.2", YearMonth.of(2021, 6), null,
                null, dec(41), null, Instant.now(), planted.measurementId(), null, null, dec(410), "typo"));
        assertThat(mark("7321", "2021-06", "TO.2")).isNull();

        Api.publish(new ResultCorrected(UUID.randomUUID().toString(), "7321", "TO.2", YearMonth.of(2021, 6), null,
                null, dec(4100), null, Instant.now(), "x", null, null, dec(41), "recount", null,
                new Outlier(new BigDecimal("4100"), new BigDecimal("17.5"), new BigDecimal("97"))));
        assertThat(mark("7321", "2021-06", "TO.2")).containsEntry("figure", 4100.0);
    }

    @Test
    void aRebuildReproducesTheMarks() {
        ResultRecorded kept = flagged("7331", "TO.3", "2021-06", 410);
        ResultRecorded confirmed = flagged("7331", "TO.3", "2021-07", 420);
        Api.publish(national("7300", "Testland"), region("7330", "Nav Sørvest", "7300"),
                office("7331", "Nav Sørvestby", "7330"),
                indicator("TO.3", "Antall", no.mrs.contracts.goal.Measure.COUNT,
                        no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.USER), kept, confirmed,
                new OutlierConfirmed("7331", "TO.3", YearMonth.of(2021, 7), confirmed.measurementId(), "checked"));
        String before = Api.checksum();

        Api.rebuild();

        assertThat(Api.checksum()).isEqualTo(before);
        assertThat(mark("7331", "2021-06", "TO.3")).containsEntry("figure", 410.0);
        assertThat(mark("7331", "2021-07", "TO.3")).isNull();
    }

    @Test
    void aLeadersConfirmationIsNoCorrectionInTheBurdenBeforeAndAfterARebuild() {
        ResultRecorded planted = flagged("7341", "TO.4", "2021-06", 410);
        Api.publish(national("7300", "Testland"), region("7340", "Nav Sørøst", "7300"),
                office("7341", "Nav Sørøstby", "7340"),
                indicator("TO.4", "Antall", no.mrs.contracts.goal.Measure.COUNT,
                        no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.USER),
                planted, new OutlierConfirmed("7341", "TO.4", YearMonth.of(2021, 6), planted.measurementId(),
                        "a job fair"));
        assertThat(mark("7341", "2021-06", "TO.4")).isNull();
        assertThat(burden("7341")).containsEntry("submissions", 1).containsEntry("corrections", 0);

        // a correction after the confirmation is one (the stream is at version 3)
        Api.publish(new ResultCorrected(UUID.randomUUID().toString(), "7341", "TO.4", YearMonth.of(2021, 6), null,
                null, dec(41), null, Instant.now(), planted.measurementId(), null, null, dec(410), "typo"));
        assertThat(burden("7341")).containsEntry("submissions", 1).containsEntry("corrections", 1);

        // every replica loads the rebuilt slot: the count is kept there too
        String before = Api.checksum();
        Api.rebuild();
        assertThat(Api.checksum()).isEqualTo(before);
        assertThat(burden("7341")).containsEntry("corrections", 1);
    }

    static Map<String, Object> burden(String unitId) {
        return Api.json(given().auth().oauth2(Api.VIEWER).get("/api/burden/" + unitId + "?year=2021").then()
                .statusCode(200).extract().asString()).getMap("units.find { it.unitId == '" + unitId + "' }");
    }
}
