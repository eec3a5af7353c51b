package no.mrs.reporting.burden;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Hierarchy;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reporting burden ("tidstyv") of a unit and every unit below it in a year: the goals in force on each (steering
 * ones against its goal budget, and the share that are followed as MONITORING), the indicators due each month, and
 * the submissions and corrections so far. Worked out on request from what the model already holds: the goals, the
 * budgets, and each office figure's stream version (version 1 is the first report, every later one a correction
 * except a leader's OutlierConfirmed, which the figure counts apart), so a rebuild gives the same figures.
 */
@ApplicationScoped
public class BurdenService {

    /** The order of the units. */
    public enum Sort {
        /** by unit number */
        UNIT,
        /** the heaviest first: most indicators due a month, then most steering goals, then most corrections */
        HEAVIEST
    }

    /**
     * One unit's burden in the year. Goals are those in force in December of the year (the hierarchy and the goals
     * as they stand then; a retired goal no longer counts); for an office {@code indicatorsPerMonth} is what it is
     * expected to report each month (an indicator with a goal in force, or one it reported the year before: the
     * reporting status's "expected" for December), for a region or the nation the sum over its offices.
     * {@code submissions} are the office figures of the year's months reported so far, {@code corrections} the
     * corrections of them, summed over the offices below for a region or the nation (each figure with the hierarchy
     * of its month). {@code monitoringShare} is 100 × monitoring goals / goals in force, null without goals.
     */
    public record UnitBurden(String unitId, String unitName, UnitLevel level, String parentId, int steeringGoals,
            int monitoringGoals, int goalBudget, boolean ownGoalBudget, boolean overBudget, Double monitoringShare,
            int offices, int indicatorsPerMonth, int submissions, int corrections) {
    }

    public record Burden(String unitId, String unitName, int year, Sort sort, List<UnitBurden> units, Instant asOf) {
    }

    @Inject
    ReadModels models;

    @Inject
    BurdenConfig config;

    public Burden burden(String unitId, int year, Sort sort, UnitLevel level) {
        return models.read(model -> {
            Unit top = model.unit(unitId)
                    .orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " is not known"));
            return new Burden(unitId, top.name(), year, sort, burden(model, unitId, year, sort, level), model.asOf());
        });
    }

    private List<UnitBurden> burden(ReadModel model, String unitId, int year, Sort sort, UnitLevel level) {
        Hierarchy hierarchy = new Hierarchy(model);
        YearMonth december = YearMonth.of(year, 12);
        List<Unit> subtree = new ArrayList<>();
        for (Unit unit : model.units()) {
            if (hierarchy.chain(unit.unitId(), december).contains(unitId)) {
                subtree.add(unit);
            }
        }
        // submissions and corrections of the year, counted for the office and every unit above it that month
        Map<String, int[]> reports = new HashMap<>();
        Map<String, Set<String>> reportedLastYear = new HashMap<>();
        for (Indicator indicator : model.indicators()) {
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                for (Result result : model.results(indicator.indicatorId(), month).values()) {
                    int corrections = (int) Math.max(0, result.streamVersion() - 1 - result.confirmations());
                    for (String id : hierarchy.chain(result.unitId(), month)) {
                        int[] counts = reports.computeIfAbsent(id, k -> new int[2]);
                        counts[0]++;
                        counts[1] += corrections;
                    }
                }
                for (String officeId : model.results(indicator.indicatorId(), YearMonth.of(year - 1, m)).keySet()) {
                    reportedLastYear.computeIfAbsent(officeId, k -> new HashSet<>()).add(indicator.indicatorId());
                }
            }
        }
        Map<String, Integer> dueByOffice = new HashMap<>();
        List<UnitBurden> burdens = new ArrayList<>();
        for (Unit unit : subtree) {
            if (level != null && unit.level() != level) {
                continue;
            }
            Map<String, Goal> inForce = GoalsInForce.forUnit(model, hierarchy, unit.unitId(), december);
            int steering = 0;
            int monitoring = 0;
            for (Goal goal : inForce.values()) {
                if (goal.classification() == Classification.MONITORING) {
                    monitoring++;
                } else {
                    steering++;
                }
            }
            Set<String> offices = hierarchy.officesUnder(unit.unitId(), december);
            int due = 0;
            for (String officeId : offices) {
                due += dueByOffice.computeIfAbsent(officeId, o -> due(model, hierarchy, o, december,
                        reportedLastYear.getOrDefault(o, Set.of())));
            }
            Integer own = model.goalBudget(unit.unitId(), year).orElse(null);
            int budget = own != null ? own : config.defaultMaxSteeringGoals();
            int[] counts = reports.getOrDefault(unit.unitId(), new int[2]);
            burdens.add(new UnitBurden(unit.unitId(), unit.name(), unit.level(), unit.parentAt(december), steering,
                    monitoring, budget, own != null, steering > budget,
                    steering + monitoring == 0 ? null : 100.0 * monitoring / (steering + monitoring), offices.size(),
                    due, counts[0], counts[1]));
        }
        Comparator<UnitBurden> byUnit = Comparator.comparing(UnitBurden::unitId);
        burdens.sort(sort == Sort.HEAVIEST
                ? Comparator.comparingInt(UnitBurden::indicatorsPerMonth).reversed()
                        .thenComparing(Comparator.comparingInt(UnitBurden::steeringGoals).reversed())
                        .thenComparing(Comparator.comparingInt(UnitBurden::corrections).reversed())
                        .thenComparing(byUnit)
                : byUnit);
        return burdens;
    }

    /** The indicators an office is expected to report in the month: a goal in force for it, or reported last year. */
    private static int due(ReadModel model, Hierarchy hierarchy, String officeId, YearMonth month,
            Set<String> reportedLastYear) {
        Set<String> due = new HashSet<>(GoalsInForce.forUnit(model, hierarchy, officeId, month).keySet());
        due.addAll(reportedLastYear);
        return due.size();
    }
}
