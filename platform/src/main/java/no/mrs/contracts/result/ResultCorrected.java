package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A new value supersedes the current one for (unit, indicator, period); the previous one stays in the history. The
 * outlier check runs again on the new value: {@code outlier} is its warning (optional, null when there is none).
 */
@EventType(name = "no.mrs.result.ResultCorrected", version = 1)
public record ResultCorrected(String measurementId, String unitId, String indicatorId, YearMonth period,
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
        String previousMeasurementId, BigDecimal previousNumerator, BigDecimal previousDenominator,
        BigDecimal previousValue, String reason, SubmitterKind submitterKind, Outlier outlier) implements ResultEvent {

    /** Without {@code outlier} (optional: absent when the corrected figure raises no warning, and in older events). */
    public ResultCorrected(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
            String previousMeasurementId, BigDecimal previousNumerator, BigDecimal previousDenominator,
            BigDecimal previousValue, String reason, SubmitterKind submitterKind) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt,
                previousMeasurementId, previousNumerator, previousDenominator, previousValue, reason, submitterKind,
                null);
    }

    public ResultCorrected withOutlier(Outlier warning) {
        return new ResultCorrected(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment,
                receivedAt, previousMeasurementId, previousNumerator, previousDenominator, previousValue, reason,
                submitterKind, warning);
    }

    /** Without {@code submitterKind} (optional: absent in events published before it was added). */
    public ResultCorrected(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
            String previousMeasurementId, BigDecimal previousNumerator, BigDecimal previousDenominator,
            BigDecimal previousValue, String reason) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt,
                previousMeasurementId, previousNumerator, previousDenominator, previousValue, reason, null, null);
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
