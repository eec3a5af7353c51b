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
}
