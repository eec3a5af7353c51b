package no.mrs.result.recording;

import java.time.YearMonth;

/** What has one current value: a unit's result on an indicator in a month. */
public record ResultKey(String unitId, String indicatorId, YearMonth period) {

    public String streamId() {
        return "result:" + unitId + "/" + indicatorId + "/" + period;
    }
}
