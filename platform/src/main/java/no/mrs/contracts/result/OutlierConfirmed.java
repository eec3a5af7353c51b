package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.time.YearMonth;

/**
 * A leader (of the office or a unit above it) or the directorate confirmed that the figure the outlier check warned
 * about is right, with the reason: the figure {@code measurementId} of (unit, indicator, period) is no longer marked
 * as an outlier. The actor (in the envelope) is who confirmed it, the event's time when.
 */
@EventType(name = "no.mrs.result.OutlierConfirmed", version = 1)
public record OutlierConfirmed(String unitId, String indicatorId, YearMonth period, String measurementId,
        String reason) implements ResultEvent {

    @Override
    public String streamId() {
        return "result:" + unitId + "/" + indicatorId + "/" + period;
    }

    @Override
    public String partitionKey() {
        return unitId;
    }
}
