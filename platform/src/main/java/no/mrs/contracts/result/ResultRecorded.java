package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A first value for (unit, indicator, period). RATIO and SCORE carry numerator and denominator, COUNT carries
 * value. {@code submitterKind} says whether a system or a person submitted it (optional, null in events
 * published before it was added).
 */
@EventType(name = "no.mrs.result.ResultRecorded", version = 1)
public record ResultRecorded(String measurementId, String unitId, String indicatorId, YearMonth period,
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
        SubmitterKind submitterKind) implements ResultEvent {

    /** Without {@code submitterKind} (optional: absent in events published before it was added). */
    public ResultRecorded(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt, null);
    }

    @Override
    public String streamId() {
        return "result:" + unitId + "/" + indicatorId + "/" + period;
    }

    @Override
    public String partitionKey() {
        return unitId;
    }
}
