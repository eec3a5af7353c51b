package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.time.YearMonth;

/** The month is closed: further writes need a correction with a reason by a leader or the directorate. */
@EventType(name = "no.mrs.result.PeriodLocked", version = 1)
public record PeriodLocked(YearMonth period, String reason) implements ResultEvent {

    @Override
    public String streamId() {
        return "period:" + period;
    }

    @Override
    public String partitionKey() {
        return "period:" + period;
    }
}
