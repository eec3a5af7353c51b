package no.mrs.reporting.scorecard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.count;
import static no.mrs.reporting.support.Events.indicator;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures of a region and the nation are computed from the office figures: sums of numerators over sums of
 * denominators, never averages of percentages. Expectations are worked out by hand from the fed numbers.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ScorecardArithmeticTest {

    static final String NATION = "9000";
    static final String NORTH = "9100";
    static final String SOUTH = "9200";
    static final String ALTA = "9101";
    static final String BODO = "9102";
    static final String KRS = "9201";
    static final String SHARE = "TR.9";
    static final String JOBS = "TC.9";
    static final String SATISFACTION = "TS.9";

    static boolean fed;

    /** Once per class (RestAssured knows the port only per test). */
    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Api.publish(
                national(NATION, "Testland"), region(NORTH, "Nav Nord", NATION), region(SOUTH, "Nav Sør", NATION),
                office(ALTA, "Nav Alta", NORTH), office(BODO, "Nav Bodø", NORTH), office(KRS, "Nav Kristiansand", SOUTH),
                ratio(SHARE, "Andel i arbeid"),
                indicator(JOBS, "Antall fått jobben", Measure.COUNT, Direction.HIGHER_IS_BETTER, Perspective.USER),
                indicator(SATISFACTION, "Brukertilfredshet", Measure.SCORE, Direction.HIGHER_IS_BETTER, Perspective.USER),
                // this year
                result(ALTA, SHARE, "2021-06", 77, 100), result(BODO, SHARE, "2021-06", 3, 50),
                result(KRS, SHARE, "2021-06", 40, 50),
                result(ALTA, SHARE, "2021-01", 10, 20), result(BODO, SHARE, "2021-03", 5, 5),
                // last year: June and February count for 2021-06, August does not
                result(ALTA, SHARE, "2020-06", 30, 60), result(BODO, SHARE, "2020-02", 1, 4),
                result(ALTA, SHARE, "2020-08", 50, 50),
                count(ALTA, JOBS, "2021-06", 12), count(BODO, JOBS, "2021-06", 30), count(ALTA, JOBS, "2021-05", 8),
                result(ALTA, SATISFACTION, "2021-06", 450, 100), result(BODO, SATISFACTION, "2021-06", 50, 10));
    }

    @Test
    void aRegionsMonthIsTheRatioOfTheSumsOfItsOffices() {
        // 77 % and 6 % would average to 41.5 %; the region's share is 80 of 150
        assertThat(row(NORTH, "2021-06", SHARE).month()).isCloseTo(100.0 * (77 + 3) / (100 + 50), within(1e-9));
    }

    @Test
    void theNationSumsEveryOfficeBelowIt() {
        assertThat(row(NATION, "2021-06", SHARE).month()).isCloseTo(100.0 * (77 + 3 + 40) / (100 + 50 + 50), within(1e-9));
    }

    @Test
    void anOfficesFigureIsItsOwnAsAPercentage() {
        assertThat(row(ALTA, "2021-06", SHARE).month()).isEqualTo(77.0);
    }

    @Test
    void yearToDateSumsJanuaryUpToTheMonth() {
        assertThat(row(NORTH, "2021-06", SHARE).ytd())
                .isCloseTo(100.0 * (77 + 3 + 10 + 5) / (100 + 50 + 20 + 5), within(1e-9));
    }

    @Test
    void lastYearSumsTheSameMonthsOfTheYearBefore() {
        Api.Row north = row(NORTH, "2021-06", SHARE);
        assertThat(north.ytdLastYear()).isCloseTo(100.0 * (30 + 1) / (60 + 4), within(1e-9));
        assertThat(north.monthLastYear()).isCloseTo(100.0 * 30 / 60, within(1e-9));
    }

    @Test
    void aMonthWithoutDataIsNullNotZero() {
        Api.Row may = row(NORTH, "2021-05", SHARE);
        assertThat(may.month()).isNull();
        assertThat(may.monthLastYear()).isNull();
        assertThat(may.ytd()).isCloseTo(100.0 * (10 + 5) / (20 + 5), within(1e-9));
    }

    @Test
    void aYearWithoutAnyDataHasNoRow() {
        assertThat(row(NORTH, "2019-06", SHARE)).isNull();
    }

    @Test
    void countsAreSummed() {
        Api.Row jobs = row(NORTH, "2021-06", JOBS);
        assertThat(jobs.month()).isEqualTo(12.0 + 30.0);
        assertThat(jobs.ytd()).isEqualTo(12.0 + 30.0 + 8.0);
        assertThat(jobs.monthLastYear()).isNull();
    }

    @Test
    void scoresAreWeightedByRespondents() {
        // the means are 4.5 and 5.0; weighted by 100 and 10 respondents
        assertThat(row(NORTH, "2021-06", SATISFACTION).month()).isCloseTo((450.0 + 50.0) / (100 + 10), within(1e-9));
    }

    @Test
    void rowsWithoutAGoalCarryNoTargetAndAreOrderedByIndicator() {
        var card = Api.scorecard(NORTH, "2021-06");
        assertThat(card.getList("perspectives.perspective")).containsExactly("USER");
        assertThat(card.getList("perspectives[0].rows.indicatorId")).containsExactly(JOBS, SHARE, SATISFACTION);
        assertThat(row(NORTH, "2021-06", SHARE).hasGoal()).isFalse();
        assertThat(row(NORTH, "2021-06", SHARE).status()).isEqualTo("NO_TARGET");
        assertThat(card.getString("unitName")).isEqualTo("Nav Nord");
        assertThat(card.getString("asOf")).isNotNull();
    }
}
