package no.mrs.result.outlier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.result.Outlier;
import no.mrs.devstack.DemoSeeder;
import no.mrs.result.outlier.OutlierCheck.Figure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The outlier check on its own: the demo's months, planted errors, small ratios, too little history. */
class OutlierCheckTest {

    private static final YearMonth JUNE = YearMonth.of(2021, 6);

    @Test
    void flagsNoneOfTheDemosMonths() {
        Map<String, Map<YearMonth, Figure>> histories = new HashMap<>();
        List<String> flagged = new ArrayList<>();
        int judged = 0;
        for (ObjectNode item : DemoSeeder.results()) {
            String indicatorId = item.path("indicatorId").asText();
            YearMonth period = YearMonth.parse(item.path("period").asText());
            Map<YearMonth, Figure> history = histories.computeIfAbsent(
                    item.path("unitId").asText() + "/" + indicatorId, k -> new TreeMap<>());
            Figure figure = figure(item);
            Optional<Outlier> warning = OutlierCheck.check(measure(indicatorId), period, figure, history);
            warning.ifPresent(w -> flagged.add(item.path("measurementId").asText() + " " + w));
            if (history.size() >= OutlierCheck.MIN_LEVEL_MONTHS) {
                judged++;
            }
            history.put(period, figure);
        }
        assertThat(flagged).as("demo figures flagged").isEmpty();
        assertThat(judged).as("demo figures with enough history to be judged").isGreaterThan(4000);
    }

    @Test
    void flagsEveryDemoCountAndShareTenTimesTooLargeOrSmall() {
        Map<String, Map<YearMonth, Figure>> histories = demoHistories();
        int planted = 0;
        for (Map.Entry<String, Map<YearMonth, Figure>> series : histories.entrySet()) {
            String indicatorId = series.getKey().substring(series.getKey().indexOf('/') + 1);
            Measure measure = measure(indicatorId);
            Figure real = series.getValue().get(JUNE);
            Map<YearMonth, Figure> before = new TreeMap<>(series.getValue());
            before.remove(JUNE);
            if (measure == Measure.COUNT) {
                Figure tenTimes = new Figure(null, null, real.value().multiply(BigDecimal.TEN));
                assertThat(OutlierCheck.check(measure, JUNE, tenTimes, before)).as(series.getKey() + " ×10").isPresent();
                Figure tenth = new Figure(null, null, real.value().divide(BigDecimal.TEN).setScale(0,
                        java.math.RoundingMode.HALF_EVEN));
                assertThat(OutlierCheck.check(measure, JUNE, tenth, before)).as(series.getKey() + " ÷10").isPresent();
                planted += 2;
            } else if (measure == Measure.RATIO) {
                // the denominator typed 10× too large: the share 10× too small
                Figure wrongWhole = new Figure(real.numerator(), real.denominator().multiply(BigDecimal.TEN), null);
                assertThat(OutlierCheck.check(measure, JUNE, wrongWhole, before)).as(series.getKey() + " n×10")
                        .isPresent();
                planted++;
            }
        }
        assertThat(planted).isEqualTo(12 * 3 * 2 + 12 * 11);
    }

    @Test
    void aTenTimesTooLargeCountCarriesTheExpectedRangeAroundTheOfficesLevel() {
        Map<YearMonth, Figure> history = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2020, 1); m.isBefore(JUNE); m = m.plusMonths(1)) {
            history.put(m, count(40 + m.getMonthValue() % 3));
        }
        Outlier warning = OutlierCheck.check(Measure.COUNT, JUNE, count(410), history).orElseThrow();
        assertThat(warning.figure()).isEqualByComparingTo("410");
        assertThat(warning.expectedLow().doubleValue()).isBetween(15.0, 25.0);
        assertThat(warning.expectedHigh().doubleValue()).isBetween(70.0, 100.0);
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(45), history)).isEmpty();
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(4), history)).isPresent();
    }

    @Test
    void aShareOfThreeCasesIsNeverAnOutlier() {
        Map<YearMonth, Figure> history = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2020, 6); m.isBefore(JUNE); m = m.plusMonths(1)) {
            history.put(m, ratio(77, 100));
        }
        assertThat(OutlierCheck.check(Measure.RATIO, JUNE, ratio(0, 3), history)).isEmpty();
        assertThat(OutlierCheck.check(Measure.RATIO, JUNE, ratio(3, 3), history)).isEmpty();
        // the same share from a hundred cases is
        Outlier warning = OutlierCheck.check(Measure.RATIO, JUNE, ratio(8, 100), history).orElseThrow();
        assertThat(warning.figure()).isEqualByComparingTo("8");
        assertThat(warning.expectedHigh()).isEqualByComparingTo("100");
        assertThat(warning.expectedLow().doubleValue()).isBetween(30.0, 45.0);
    }

    @Test
    void aSeasonalPeakLikeLastYearsIsNotAnOutlier() {
        Map<YearMonth, Figure> history = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2020, 1); m.isBefore(JUNE); m = m.plusMonths(1)) {
            history.put(m, count(m.getMonthValue() == 6 ? 300 : 50));
        }
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(320), history)).isEmpty();
        history.remove(YearMonth.of(2020, 6));
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(320), history)).isPresent();
    }

    @Test
    void tooLittleHistoryRaisesNoFlag() {
        Map<YearMonth, Figure> history = new TreeMap<>(Map.of(JUNE.minusMonths(1), count(40),
                JUNE.minusMonths(2), count(40), JUNE.minusMonths(9), count(40), JUNE.minusYears(1), count(40)));
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(4000), history)).isEmpty();
        history.put(JUNE.minusMonths(6), count(40));
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(4000), history)).isPresent();
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(4000), Map.of())).isEmpty();
    }

    @Test
    void aWildMonthInTheHistoryDoesNotWidenTheRangeMuch() {
        Map<YearMonth, Figure> history = new TreeMap<>();
        for (YearMonth m = YearMonth.of(2020, 6); m.isBefore(JUNE); m = m.plusMonths(1)) {
            history.put(m, count(50));
        }
        history.put(JUNE.minusMonths(2), count(5000));
        assertThat(OutlierCheck.check(Measure.COUNT, JUNE, count(500), history)).isPresent();
    }

    static Map<String, Map<YearMonth, Figure>> demoHistories() {
        Map<String, Map<YearMonth, Figure>> histories = new LinkedHashMap<>();
        for (ObjectNode item : DemoSeeder.results()) {
            histories.computeIfAbsent(item.path("unitId").asText() + "/" + item.path("indicatorId").asText(),
                    k -> new TreeMap<>()).put(YearMonth.parse(item.path("period").asText()), figure(item));
        }
        return histories;
    }

    static Measure measure(String indicatorId) {
        return DemoSeeder.INDICATORS.stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                .map(i -> Measure.valueOf(i.measure())).orElseThrow();
    }

    static Figure figure(ObjectNode item) {
        return new Figure(number(item, "numerator"), number(item, "denominator"), number(item, "value"));
    }

    private static BigDecimal number(ObjectNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).decimalValue() : null;
    }

    private static Figure count(long value) {
        return new Figure(null, null, BigDecimal.valueOf(value));
    }

    private static Figure ratio(long numerator, long denominator) {
        return new Figure(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), null);
    }
}
