package no.mrs.result.recording;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One submitted result as the client sent it (REST JSON, a CSV row, or a Kafka record), before validation:
 * {@code period} is still text so that a malformed one can be named in the rejection.
 */
public record ResultItem(String measurementId, String unitId, String indicatorId, String period,
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, String correctionReason) {

    /** Same content: what decides between a duplicate and {@code measurement-id-reused}. Numbers by value. */
    public boolean sameContentAs(ResultItem other) {
        return Objects.equals(unitId, other.unitId) && Objects.equals(indicatorId, other.indicatorId)
                && Objects.equals(period, other.period) && sameNumber(numerator, other.numerator)
                && sameNumber(denominator, other.denominator) && sameNumber(value, other.value)
                && Objects.equals(blankToNull(comment), blankToNull(other.comment))
                && Objects.equals(blankToNull(correctionReason), blankToNull(other.correctionReason));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
