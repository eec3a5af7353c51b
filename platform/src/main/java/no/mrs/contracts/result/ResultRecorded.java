package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A first value for (unit, indicator, period). RATIO and SCORE carry numerator and denominator, COUNT carries
 * value. {@code submitterKind} says whether a system or a person submitted it (optional, null in events
 * published before it was added); {@code outlier} is the outlier check's warning (optional: null when the figure is
 * within its expected range, when the office has too little history to judge, and in events published before the
 * check existed).
 */
@EventType(name = "no.mrs.result.ResultRecorded", version = 1)
public record ResultRecorded(String measurementId, String unitId, String indicatorId, YearMonth period,
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
        SubmitterKind submitterKind, Outlier outlier) implements ResultEvent {

    /** Without {@code submitterKind} (optional: absent in events published before it was added). */
    public ResultRecorded(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt, null);
    }

    /** Without {@code outlier} (optional: absent when there is no warning, and in events published before it). */
    public ResultRecorded(String measurementId, String unitId, String indicatorId, YearMonth period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, Instant receivedAt,
            SubmitterKind submitterKind) {
        this(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment, receivedAt,
                submitterKind, null);
    }

    public ResultRecorded withOutlier(Outlier warning) {
        return new ResultRecorded(measurementId, unitId, indicatorId, period, numerator, denominator, value, comment,
                receivedAt, submitterKind, warning);
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
