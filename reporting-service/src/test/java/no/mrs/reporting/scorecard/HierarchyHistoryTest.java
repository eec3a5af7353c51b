package no.mrs.reporting.scorecard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.moved;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An office moves from one region to another from April 2021: its figures until March stay with the old region,
 * from April they count for the new one, and last year's figures stay where the office was then.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class HierarchyHistoryTest {

    static final String NATION = "8000";
    static final String WEST = "8100";
    static final String EAST = "8200";
    static final String STAYS_WEST = "8101";
    static final String MOVER = "8102";
    static final String STAYS_EAST = "8201";
    static final String SHARE = "TR.8";

    static boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Api.publish(national(NATION, "Testland"), region(WEST, "Nav Vest", NATION), region(EAST, "Nav Øst", NATION),
                office(STAYS_WEST, "Nav Vestby", WEST), office(MOVER, "Nav Flytteby", WEST),
                office(STAYS_EAST, "Nav Østby", EAST), ratio(SHARE, "Andel i arbeid"));
        for (int month = 1; month <= 6; month++) {
            String period = "2021-0" + month;
            Api.publish(result(STAYS_WEST, SHARE, period, 50, 100), result(MOVER, SHARE, period, 10, 10),
                    result(STAYS_EAST, SHARE, period, 20, 100), result(MOVER, SHARE, "2020-0" + month, 3, 4));
        }
        Api.publish(moved(MOVER, WEST, EAST, "2021-04"));
    }

    @Test
    void theOldRegionKeepsTheMonthsBeforeTheMove() {
        assertThat(row(WEST, "2021-03", SHARE).month()).isCloseTo(100.0 * (50 + 10) / (100 + 10), within(1e-9));
        assertThat(row(WEST, "2021-06", SHARE).month()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void theNewRegionCountsTheOfficeFromTheMonthOfTheMove() {
        assertThat(row(EAST, "2021-03", SHARE).month()).isCloseTo(20.0, within(1e-9));
        assertThat(row(EAST, "2021-06", SHARE).month()).isCloseTo(100.0 * (20 + 10) / (100 + 10), within(1e-9));
    }

    @Test
    void yearToDateSplitsTheOfficeBetweenTheRegionsByMonth() {
        assertThat(row(WEST, "2021-06", SHARE).ytd())
                .isCloseTo(100.0 * (6 * 50 + 3 * 10) / (6 * 100 + 3 * 10), within(1e-9));
        assertThat(row(EAST, "2021-06", SHARE).ytd())
                .isCloseTo(100.0 * (6 * 20 + 3 * 10) / (6 * 100 + 3 * 10), within(1e-9));
    }

    @Test
    void lastYearUsesTheHierarchyOfLastYear() {
        // in 2020 the office belonged to the west: last year's figures stay there
        assertThat(row(WEST, "2021-06", SHARE).ytdLastYear()).isCloseTo(100.0 * (6 * 3) / (6 * 4), within(1e-9));
        assertThat(row(EAST, "2021-06", SHARE).ytdLastYear()).isNull();
    }

    @Test
    void theNationIsUnchangedByTheMove() {
        assertThat(row(NATION, "2021-06", SHARE).ytd())
                .isCloseTo(100.0 * 6 * (50 + 10 + 20) / (6 * (100 + 10 + 100)), within(1e-9));
    }

    @Test
    void theComparisonListsTheChildrenOfThatMonth() {
        assertThat(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-03")
                .get("/api/comparisons/" + WEST + "/" + SHARE).then().statusCode(200).extract()
                .jsonPath().getList("unitId")).containsExactly(MOVER, STAYS_WEST);
        assertThat(given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-06")
                .get("/api/comparisons/" + WEST + "/" + SHARE).then().statusCode(200).extract()
                .jsonPath().getList("unitId")).containsExactly(STAYS_WEST);
    }
}
