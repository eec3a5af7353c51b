package no.mrs.reporting.model;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The current figure an office reported for an indicator and month (a correction replaces it), and the version of
 * its event stream applied so far (0 until the model records it). The read model keeps millions of these, so it
 * keeps them lean: {@code measurementId} travels with a change to the slot's table but is not kept in memory.
 */
public record Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
        BigDecimal denominator, BigDecimal value, String comment, String measurementId, long streamVersion) {

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator, BigDecimal denominator,
            BigDecimal value, String comment, String measurementId) {
        this(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, 0L);
    }

    public Result withStreamVersion(long version) {
        return new Result(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, version);
    }

    public Key key() {
        return new Key(unitId, indicatorId, period);
    }

    public record Key(String unitId, String indicatorId, YearMonth period) {
    }
}
