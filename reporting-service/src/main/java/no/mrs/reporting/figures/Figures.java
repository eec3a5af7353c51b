package no.mrs.reporting.figures;

import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ModelView;
import no.mrs.reporting.model.Result;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * A unit's figures, aggregated from the office results: for each month, the offices that belonged to the unit in
 * THAT month count (so a move between regions leaves earlier months with the old region). Never an average of
 * percentages: sums first, then one division. The model keeps the monthly sums until a result of that indicator and month changes.
 */
public final class Figures {

    private final ModelView model;
    private final Hierarchy hierarchy;

    private record Key(String unitId, String indicatorId, YearMonth month) {

        /** Not the record's own: a month's hash code ({@code year ^ month << 27}) makes a year's keys collide. */
        @Override
        public int hashCode() {
            return (unitId.hashCode() * 31 + indicatorId.hashCode()) * 31 + no.mrs.platform.time.MonthMap.hash(month);
        }
    }

    public Figures(ModelView model) {
        this.model = model;
        this.hierarchy = new Hierarchy(model);
    }

    public Hierarchy hierarchy() {
        return hierarchy;
    }

    public ModelView model() {
        return model;
    }

    /** The sums of one month. */
    public Sums month(String unitId, Indicator indicator, YearMonth month) {
        return model.derived(indicator.indicatorId(), month, unitId,
                u -> compute(new Key(unitId, indicator.indicatorId(), month), indicator));
    }

    /** The sums of the months {@code from}..{@code to}, each month with its own hierarchy. */
    public Sums range(String unitId, Indicator indicator, YearMonth from, YearMonth to) {
        Sums sums = Sums.NONE;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            sums = sums.plus(month(unitId, indicator, m));
        }
        return sums;
    }

    /** Year to date: January..{@code month} of its year. */
    public Sums yearToDate(String unitId, Indicator indicator, YearMonth month) {
        return range(unitId, indicator, YearMonth.of(month.getYear(), 1), month);
    }

    /** Whether any office under the unit reported the indicator in some month of the year. */
    public boolean hasResults(String unitId, String indicatorId, int year) {
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            Map<String, Result> results = model.results(indicatorId, month);
            if (!results.isEmpty()) {
                Set<String> offices = hierarchy.officesUnder(unitId, month);
                for (String unit : results.keySet()) {
                    if (offices.contains(unit)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Sums compute(Key key, Indicator indicator) {
        Map<String, Result> results = model.results(key.indicatorId(), key.month());
        if (results.isEmpty()) {
            return Sums.NONE;
        }
        Set<String> offices = hierarchy.officesUnder(key.unitId(), key.month());
        Sums sums = Sums.NONE;
        if (offices.size() < results.size()) {
            for (String office : offices) {
                Result result = results.get(office);
                if (result != null) {
                    sums = sums.plus(result, indicator.measure());
                }
            }
        } else {
            for (Result result : results.values()) {
                if (offices.contains(result.unitId())) {
                    sums = sums.plus(result, indicator.measure());
                }
            }
        }
        return sums.asMonth();
    }
}
