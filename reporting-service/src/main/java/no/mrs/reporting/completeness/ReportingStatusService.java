package no.mrs.reporting.completeness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Hierarchy;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Reported;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.Slot;
import no.mrs.reporting.projection.SlotStore;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which offices have reported a month: for each office under a unit (in that month's hierarchy) the indicators it
 * is expected to report — those with a goal in force for it (its own or inherited) in that month, and those it
 * reported in the year before — and whether each is reported. Whether comes from the in-memory model; when and by
 * whom from the slot's result table, read for one page of offices at a time (the model does not keep it).
 */
@ApplicationScoped
public class ReportingStatusService {

    /** Why an indicator is expected of an office. */
    public enum Expectation {
        /** a goal in force for the office or one of its ancestors in the month */
        GOAL,
        /** the office reported the indicator in a month of the year before */
        LAST_YEAR
    }

    public record IndicatorStatus(String indicatorId, String name, List<Expectation> expectedBecause,
            boolean reported, Instant reportedAt, String reportedBy, String reporterKind) {
    }

    public record OfficeStatus(String unitId, String name, String regionId, String regionName, int expected,
            int reported, int missing, List<IndicatorStatus> indicators) {
    }

    public record RegionCount(String regionId, String regionName, int offices, int officesComplete, int expected,
            int reported, int missing) {
    }

    @Inject
    ReadModels models;

    @Inject
    SlotStore store;

    /** A page of the offices under the unit, by unit number. */
    public Page<OfficeStatus> offices(String unitId, YearMonth month, PageRequest page) {
        List<String> after = page.afterKey(1);
        String last = after == null ? null : after.get(0);
        if (last != null && !last.matches("\\d{4}")) {
            throw Cursor.invalid(); // the key is an office's unit number
        }
        Page<OfficeStatus> found = models.read(model -> {
            List<OfficeStatus> all = statuses(model, unitId, month);
            return page.slice(all, office -> office.unitId().compareTo(last) > 0, office -> Cursor.of(office.unitId()));
        });
        return new Page<>(withReporters(found.items(), month), found.next());
    }

    /** The counts per region of the offices under the unit (one entry per region; null region: an office without). */
    public List<RegionCount> regions(String unitId, YearMonth month) {
        return models.read(model -> {
            Map<String, int[]> counts = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            Map<String, String> names = new HashMap<>();
            for (OfficeStatus office : statuses(model, unitId, month)) {
                int[] c = counts.computeIfAbsent(office.regionId(), r -> new int[5]);
                names.put(office.regionId(), office.regionName());
                c[0]++;
                c[1] += office.missing() == 0 ? 1 : 0;
                c[2] += office.expected();
                c[3] += office.reported();
                c[4] += office.missing();
            }
            List<RegionCount> regions = new ArrayList<>();
            counts.forEach((region, c) -> regions.add(new RegionCount(region, names.get(region), c[0], c[1], c[2], c[3],
                    c[4])));
            return regions;
        });
    }

    private static List<OfficeStatus> statuses(ReadModel model, String unitId, YearMonth month) {
        if (model.unit(unitId).isEmpty()) {
            throw ProblemException.notFound("Unit " + unitId + " is not known");
        }
        Hierarchy hierarchy = new Hierarchy(model);
        Set<String> offices = new TreeSet<>(hierarchy.officesUnder(unitId, month));
        Map<String, Set<String>> reportedLastYear = reportedIn(model, month.getYear() - 1, offices);
        List<OfficeStatus> statuses = new ArrayList<>(offices.size());
        for (String officeId : offices) {
            Map<String, List<Expectation>> expected = new TreeMap<>();
            for (Goal goal : GoalsInForce.forUnit(model, hierarchy, officeId, month).values()) {
                expected.computeIfAbsent(goal.indicatorId(), i -> new ArrayList<>()).add(Expectation.GOAL);
            }
            for (String indicatorId : reportedLastYear.getOrDefault(officeId, Set.of())) {
                expected.computeIfAbsent(indicatorId, i -> new ArrayList<>()).add(Expectation.LAST_YEAR);
            }
            List<IndicatorStatus> indicators = new ArrayList<>(expected.size());
            int reported = 0;
            for (Map.Entry<String, List<Expectation>> e : expected.entrySet()) {
                boolean done = model.result(new Result.Key(officeId, e.getKey(), month)).isPresent();
                reported += done ? 1 : 0;
                indicators.add(new IndicatorStatus(e.getKey(), model.indicator(e.getKey()).map(Indicator::name)
                        .orElse(null), List.copyOf(e.getValue()), done, null, null, null));
            }
            Unit office = model.unit(officeId).orElseThrow();
            Unit region = region(model, hierarchy, officeId, month);
            statuses.add(new OfficeStatus(officeId, office.name(), region == null ? null : region.unitId(),
                    region == null ? null : region.name(), indicators.size(), reported, indicators.size() - reported,
                    indicators));
        }
        return statuses;
    }

    /** The indicators each of these offices reported in any month of the year. */
    private static Map<String, Set<String>> reportedIn(ReadModel model, int year, Set<String> offices) {
        Map<String, Set<String>> byOffice = new HashMap<>();
        for (Indicator indicator : model.indicators()) {
            for (int m = 1; m <= 12; m++) {
                for (String unitId : model.results(indicator.indicatorId(), YearMonth.of(year, m)).keySet()) {
                    if (offices.contains(unitId)) {
                        byOffice.computeIfAbsent(unitId, u -> new HashSet<>()).add(indicator.indicatorId());
                    }
                }
            }
        }
        return byOffice;
    }

    private static Unit region(ReadModel model, Hierarchy hierarchy, String officeId, YearMonth month) {
        for (String id : hierarchy.chain(officeId, month)) {
            Unit unit = model.unit(id).orElse(null);
            if (unit != null && unit.level() == UnitLevel.REGION) {
                return unit;
            }
        }
        return null;
    }

    /** The page's offices with when and by whom each reported figure was first reported (from the active slot). */
    private List<OfficeStatus> withReporters(List<OfficeStatus> offices, YearMonth month) {
        Set<String> ids = new HashSet<>();
        offices.forEach(o -> ids.add(o.unitId()));
        Slot slot = models.activeSlot();
        Map<Result.Key, Reported> reported = store.reported(slot, month, ids);
        List<OfficeStatus> filled = new ArrayList<>(offices.size());
        for (OfficeStatus office : offices) {
            List<IndicatorStatus> indicators = new ArrayList<>(office.indicators().size());
            for (IndicatorStatus i : office.indicators()) {
                Reported r = i.reported() ? reported.get(new Result.Key(office.unitId(), i.indicatorId(), month)) : null;
                indicators.add(r == null ? i : new IndicatorStatus(i.indicatorId(), i.name(), i.expectedBecause(), true,
                        r.at(), r.by(), r.kind()));
            }
            filled.add(new OfficeStatus(office.unitId(), office.name(), office.regionId(), office.regionName(),
                    office.expected(), office.reported(), office.missing(), indicators));
        }
        return filled;
    }
}
