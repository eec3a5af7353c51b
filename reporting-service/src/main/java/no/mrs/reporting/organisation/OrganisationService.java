package no.mrs.reporting.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitLevel;
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

    @Inject
    ReadModels models;

    public record UnitEntry(String unitId, String name, UnitLevel level, String parentId) {
    }

    public record Periods(String first, String last) {
    }

    /** Every unit with its parent in that month (units not yet placed then have none). */
    public List<UnitEntry> units(YearMonth month) {
        return models.read(model -> {
            List<UnitEntry> units = new ArrayList<>();
            for (Unit unit : model.units()) {
                units.add(new UnitEntry(unit.unitId(), unit.name(), unit.level(),
                        month == null ? unit.currentParent() : unit.parentAt(month)));
            }
            units.sort(Comparator.comparing(UnitEntry::level).thenComparing(UnitEntry::unitId));
            return units;
        });
    }

    /** The first and last month with any result (both null without results). */
    public Periods periods() {
        return models.read(model -> {
            YearMonth first = null;
            YearMonth last = null;
            for (Result result : model.results()) {
                first = first == null || result.period().isBefore(first) ? result.period() : first;
                last = last == null || result.period().isAfter(last) ? result.period() : last;
            }
            return new Periods(first == null ? null : first.toString(), last == null ? null : last.toString());
        });
    }
}
