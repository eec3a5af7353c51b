package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A new value supersedes the current one for (unit, indicator, period); the previous one stays in the history. */
@EventType(name = "no.mrs.result.ResultCorrected", version = 1)
public record ResultCorrected(String measurementId, String unitId, String indicatorId, YearMonth period,
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
        String previousMeasurementId, BigDecimal previousNumerator, BigDecimal previousDenominator,
        BigDecimal previousValue, String reason, SubmitterKind submitterKind) implements ResultEvent {

    /** Without {@code submitterKind} (optional: absent in events published before it was added). */
    public ResultCorrected(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
            String previousMeasurementId, BigDecimal previousNumerator, BigDecimal previousDenominator,
            BigDecimal previousValue, String reason) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt,
                previousMeasurementId, previousNumerator, previousDenominator, previousValue, reason, null);
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
