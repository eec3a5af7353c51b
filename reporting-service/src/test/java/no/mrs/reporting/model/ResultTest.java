package no.mrs.reporting.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** A result keeps its figures compactly but gives back exactly the BigDecimals it was given. */
class ResultTest {

    private static Result of(BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
        return new Result("0402", "B.15", YearMonth.of(2021, 6), numerator, denominator, value, "c", "m");
    }

    @Test
    void givesBackEachFigureWithItsScale() {
        Result r = of(new BigDecimal("77.50"), new BigDecimal("100"), new BigDecimal("-0.001"));

        assertThat(r.numerator()).isEqualTo(new BigDecimal("77.50")); // equals compares the scale too
        assertThat(r.denominator()).isEqualTo(new BigDecimal("100"));
        assertThat(r.value()).isEqualTo(new BigDecimal("-0.001"));
    }

    @Test
    void keepsAbsentFiguresAbsentAndTooLongOnesWhole() {
        BigDecimal huge = new BigDecimal("123456789012345678901234567890.5");
        Result r = of(null, huge, new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE));

        assertThat(r.numerator()).isNull();
        assertThat(r.denominator()).isEqualTo(huge);
        assertThat(r.value()).isEqualTo(new BigDecimal("9223372036854775808"));
    }

    @Test
    void isEqualByItsContentAndChangesOnlyItsVersion() {
        Result r = of(BigDecimal.ONE, BigDecimal.TEN, null);
        Result v2 = r.withStreamVersion(2);

        assertThat(r).isEqualTo(of(BigDecimal.ONE, BigDecimal.TEN, null)).hasSameHashCodeAs(of(BigDecimal.ONE, BigDecimal.TEN, null));
        assertThat(v2).isNotEqualTo(r);
        assertThat(v2.streamVersion()).isEqualTo(2);
        assertThat(v2.numerator()).isEqualTo(BigDecimal.ONE);
        assertThat(v2.key()).isEqualTo(r.key());
    }

    @Test
    void everyShapeOfFiguresAndSideValuesComesBackAsGiven() {
        java.util.List<BigDecimal> shapes = java.util.Arrays.asList(null, BigDecimal.ZERO, new BigDecimal("77.50"),
                new BigDecimal("-0.001"), new BigDecimal("1E+3"), new BigDecimal("1E-127"), new BigDecimal("1E+128"),
                new BigDecimal("5E-128"), BigDecimal.valueOf(Long.MAX_VALUE), BigDecimal.valueOf(Long.MIN_VALUE),
                new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE), new BigDecimal("123456789012345678901234567890.5"),
                BigDecimal.valueOf(12, 127), BigDecimal.valueOf(-12, -128), BigDecimal.valueOf(7, 128),
                BigDecimal.valueOf(7, -129));
        no.mrs.contracts.result.Outlier mark = new no.mrs.contracts.result.Outlier(new BigDecimal("0.91"),
                new BigDecimal("0.2"), new BigDecimal("0.6"));
        long[] versions = { 0, 1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, -1 };
        int checked = 0;
        for (BigDecimal n : shapes) {
            for (BigDecimal d : shapes) {
                for (BigDecimal v : shapes) {
                    int variant = checked++;
                    String comment = variant % 3 == 0 ? "kommentar" : null;
                    String measurementId = variant % 5 == 0 ? "m-" + variant : null;
                    no.mrs.contracts.result.Outlier outlier = variant % 7 == 0 ? mark : null;
                    long version = versions[variant % versions.length];
                    int confirmations = new int[] { 0, 1, 254, 255, 256, 100_000, -1, 3 }[variant % 8];
                    long knownFrom = variant % 2 == 0 ? Result.ALWAYS : 1_700_000_000_000L + variant;
                    Result r = new Result("0402", "B.15", YearMonth.of(2021, 6), n, d, v, comment, measurementId,
                            version, outlier, confirmations, knownFrom);

                    assertThat(r.numerator()).as("numerator %s of %s/%s/%s", n, n, d, v).isEqualTo(n);
                    assertThat(r.denominator()).as("denominator %s", d).isEqualTo(d);
                    assertThat(r.value()).as("value %s", v).isEqualTo(v);
                    assertThat(r.comment()).isEqualTo(comment);
                    assertThat(r.measurementId()).isEqualTo(measurementId);
                    assertThat(r.outlier()).isEqualTo(outlier);
                    assertThat(r.streamVersion()).isEqualTo(version);
                    assertThat(r.confirmations()).isEqualTo(confirmations);
                    assertThat(r.withConfirmations(confirmations + 1).confirmations()).isEqualTo(confirmations + 1);
                    assertThat(r.knownFrom()).isEqualTo(knownFrom);
                    assertThat(r.unitId()).isEqualTo("0402");
                    assertThat(r.period()).isEqualTo(YearMonth.of(2021, 6));
                    // the copies keep everything but what they change
                    Result copy = r.withStreamVersion(version + 1).withKnownFrom(5L);
                    assertThat(copy.numerator()).isEqualTo(n);
                    assertThat(copy.denominator()).isEqualTo(d);
                    assertThat(copy.value()).isEqualTo(v);
                    assertThat(copy.comment()).isEqualTo(comment);
                    assertThat(copy.outlier()).isEqualTo(outlier);
                    assertThat(copy.streamVersion()).isEqualTo(version + 1);
                    assertThat(copy.knownFrom()).isEqualTo(5L);
                    assertThat(copy.withStreamVersion(version)).isEqualTo(r).hasSameHashCodeAs(r);
                    // as the model keeps it: the same as made anew without the measurement id
                    for (long kept : versions) {
                        Result inModel = r.inModel("0402", "B.15", YearMonth.of(2021, 6), kept, 9L);
                        Result made = new Result("0402", "B.15", YearMonth.of(2021, 6), n, d, v, comment, null, kept,
                                outlier, confirmations, 9L);
                        assertThat(inModel).isEqualTo(made).hasSameHashCodeAs(made);
                        assertThat(inModel.knownFrom()).isEqualTo(9L);
                        assertThat(inModel.measurementId()).isNull();
                        assertThat(inModel.numerator()).isEqualTo(n);
                        assertThat(inModel.confirmations()).isEqualTo(confirmations);
                    }
                    assertThat(r.confirmed(measurementId).outlier()).isNull();
                    assertThat(r.confirmed(measurementId).confirmations()).isEqualTo(confirmations + 1);
                }
            }
        }
        assertThat(checked).isEqualTo(shapes.size() * shapes.size() * shapes.size());
    }
}
