package no.mrs.reporting.model;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The current figure an office reported for an indicator and month (a correction replaces it). */
public record Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
        BigDecimal denominator, BigDecimal value, String comment, String measurementId) {

    public Key key() {
        return new Key(unitId, indicatorId, period);
    }

    public record Key(String unitId, String indicatorId, YearMonth period) {
    }
}
