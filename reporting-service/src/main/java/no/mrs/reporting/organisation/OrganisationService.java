package no.mrs.reporting.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The units and months there is something to show for: what the dashboard's pickers offer. */
@ApplicationScoped
public class OrganisationService {

    private static final Comparator<UnitEntry> ORDER = Comparator.comparing(UnitEntry::level)
            .thenComparing(UnitEntry::unitId);

    @Inject
    ReadModels models;

    public record UnitEntry(String unitId, String name, UnitLevel level, String parentId) {
    }

    public record Periods(String first, String last) {
    }

    /** Every unit with its parent in that month (units not yet placed then have none). */
    /** A page of the units, nation first, then regions, then offices, each by unit number, with the month's parent. */
    public Page<UnitEntry> units(YearMonth month, PageRequest page) {
        List<String> after = page.afterKey(2);
        UnitEntry last = after == null ? null : new UnitEntry(after.get(1), null, cursorLevel(after.get(0)), null);
        List<UnitEntry> units = models.read(model -> {
            List<UnitEntry> all = new ArrayList<>();
            for (Unit unit : model.units()) {
                all.add(new UnitEntry(unit.unitId(), unit.name(), unit.level(),
                        month == null ? unit.currentParent() : unit.parentAt(month)));
            }
            all.sort(ORDER);
            return all;
        });
        // the read model lives in memory: a page is a slice of the sorted units after the last key
        return page.slice(units, unit -> ORDER.compare(unit, last) > 0,
                unit -> Cursor.of(unit.level().name(), unit.unitId()));
    }

    private static UnitLevel cursorLevel(String text) {
        try {
            return UnitLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    /** The first and last month with any result (both null without results). */
    public Periods periods() {
        return models.read(model -> {
            YearMonth first = null;
            YearMonth last = null;
            for (YearMonth month : model.resultMonths()) {
                first = first == null || month.isBefore(first) ? month : first;
                last = last == null || month.isAfter(last) ? month : last;
            }
            return new Periods(first == null ? null : first.toString(), last == null ? null : last.toString());
        });
    }
}
