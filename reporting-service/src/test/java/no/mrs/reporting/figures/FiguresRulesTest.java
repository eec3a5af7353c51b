package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.Measure;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Trend, status and the measures' arithmetic, without Quarkus. */
class FiguresRulesTest {

    @Test
    void aRatioIsAPercentageOfTheSums() {
        Sums sums = Sums.NONE.plus(result(77, 100), Measure.RATIO).plus(result(3, 50), Measure.RATIO).asMonth();
        assertThat(sums.figure(Measure.RATIO)).isEqualByComparingTo(new BigDecimal("53.33333333333333"));
    }

    @Test
    void aZeroDenominatorIsNoFigure() {
        assertThat(Sums.NONE.plus(result(0, 0), Measure.RATIO).asMonth().figure(Measure.RATIO)).isNull();
        assertThat(Sums.NONE.figure(Measure.COUNT)).isNull();
    }

    @Test
    void trendComparesTheLastThreeMonthsWithTheThreeBefore() {
        assertThat(Trend.of(month(60, 100), month(50, 100), Measure.RATIO)).isEqualTo(Trend.UP);
        assertThat(Trend.of(month(40, 100), month(50, 100), Measure.RATIO)).isEqualTo(Trend.DOWN);
        assertThat(Trend.of(month(5040, 10000), month(50, 100), Measure.RATIO)).as("within 1 %").isEqualTo(Trend.FLAT);
        assertThat(Trend.of(Sums.NONE, month(50, 100), Measure.RATIO)).isNull();
    }

    @Test
    void statusRespectsTheDirection() {
        Goal target = goal(80, Classification.STEERING);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, month(80, 100))).isEqualTo(Status.ON_TARGET);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, month(77, 100))).isEqualTo(Status.NEAR_TARGET);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, month(70, 100))).isEqualTo(Status.OFF_TARGET);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.LOWER_IS_BETTER, Measure.RATIO, month(70, 100))).isEqualTo(Status.ON_TARGET);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.LOWER_IS_BETTER, Measure.RATIO, month(83, 100))).isEqualTo(Status.NEAR_TARGET);
        assertThat(Status.of(target, YearMonth.of(2021, 6), Direction.LOWER_IS_BETTER, Measure.RATIO, month(90, 100))).isEqualTo(Status.OFF_TARGET);
    }

    @Test
    void statusWithoutATargetOrDataSaysSo() {
        assertThat(Status.of(null, YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, month(1, 2))).isEqualTo(Status.NO_TARGET);
        assertThat(Status.of(goal(0, Classification.MONITORING), YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, month(1, 2)))
                .isEqualTo(Status.NO_TARGET);
        assertThat(Status.of(goal(80, Classification.STEERING), YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.RATIO, Sums.NONE))
                .isEqualTo(Status.NO_DATA);
    }

    @Test
    void aCountTargetIsComparedWithTheAverageMonth() {
        Sums twoMonths = count(90).plus(count(110));
        assertThat(twoMonths.figure(Measure.COUNT)).isEqualByComparingTo("200");
        assertThat(Status.of(goal(100, Classification.STEERING), YearMonth.of(2021, 6), Direction.HIGHER_IS_BETTER, Measure.COUNT, twoMonths))
                .isEqualTo(Status.ON_TARGET);
    }

    private static Sums month(double numerator, double denominator) {
        return Sums.NONE.plus(result(numerator, denominator), Measure.RATIO).asMonth();
    }

    private static Sums count(double value) {
        return Sums.NONE.plus(new Result("0101", "C", YearMonth.of(2021, 1), null, null, BigDecimal.valueOf(value),
                null, "m"), Measure.COUNT).asMonth();
    }

    private static Result result(double numerator, double denominator) {
        return new Result("0101", "R", YearMonth.of(2021, 1), BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), null, null, "m");
    }

    private static Goal goal(double target, Classification classification) {
        return new Goal("g", "R", 2021, classification,
                classification == Classification.MONITORING ? null : BigDecimal.valueOf(target), GoalOrigin.CENTRAL,
                "0000", null, null, null, null, null);
    }
}
