package no.mrs.result.recording;

import java.time.YearMonth;

/** What has one current value: a unit's result on an indicator in a month. */
public record ResultKey(String unitId, String indicatorId, YearMonth period) {

    public String streamId() {
        return "result:" + unitId + "/" + indicatorId + "/" + period;
    }

    /** Not the record's own: a month's hash code ({@code year ^ month << 27}) makes a year's keys collide in a table. */
    @Override
    public int hashCode() {
        return (unitId.hashCode() * 31 + indicatorId.hashCode()) * 31 + no.mrs.platform.time.MonthMap.hash(period);
    }
}
