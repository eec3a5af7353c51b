package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.unit.OrgChart;
import no.mrs.platform.problem.Rejection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules every goal obeys, wherever it comes from (a letter, a local goal, an adopted proposal). */
public final class GoalRules {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private GoalRules() {
    }

    /**
     * The goals in force for a unit: a goal applies to its source unit and everything below; walking from the top
     * down, a nearer goal on the same indicator replaces the inherited one, unless the inherited one forbids local
     * adjustment (then it stays, whatever lies below).
     */
    public static List<GoalState> inForce(String unitId, OrgChart org, List<GoalState> active) {
        Map<String, List<GoalState>> bySource = new LinkedHashMap<>();
        for (GoalState goal : active) {
            if (goal.active()) {
                bySource.computeIfAbsent(goal.sourceUnitId(), s -> new ArrayList<>()).add(goal);
            }
        }
        Map<String, GoalState> byIndicator = new LinkedHashMap<>();
        Set<String> locked = new HashSet<>();
        for (String level : org.chainTo(unitId)) {
            for (GoalState goal : bySource.getOrDefault(level, List.of())) {
                if (locked.contains(goal.indicatorId())) {
                    continue;
                }
                byIndicator.put(goal.indicatorId(), goal);
                if (!goal.adjustable()) {
                    locked.add(goal.indicatorId());
                }
            }
        }
        List<GoalState> goals = new ArrayList<>(byIndicator.values());
        goals.sort(Comparator.comparing(GoalState::indicatorId));
        return goals;
    }

    public static void checkYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Rejection.invalid(field, "out-of-range", "The year must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    /**
     * A goal's own content: a known indicator usable at the source unit, and a target that suits the measure.
     * {@code prefix} is the goal's place in the request ("" or e.g. "goals[1].").
     */
    public static IndicatorState checkContent(String prefix, String sourceUnitId, String indicatorId,
            Classification classification, BigDecimal target, GoalContext context) {
        IndicatorState indicator = context.indicator(indicatorId).orElseThrow(() -> Rejection.invalid(
                prefix + "indicatorId", "unknown-indicator", "Indicator " + indicatorId + " does not exist"));
        if (indicator.local() && !context.org().within(sourceUnitId, indicator.ownerUnitId())) {
            throw Rejection.invalid(prefix + "indicatorId", "outside-owner", "Indicator " + indicatorId
                    + " is local to unit " + indicator.ownerUnitId() + " and usable only in its subtree");
        }
        Targets.check(prefix + "target", indicator, classification, target);
        return indicator;
    }

    /**
     * Where a new goal may stand: not over an inherited goal that forbids local adjustment (409), and not beside an
     * active goal of the same unit, indicator and year (409: revise that one instead).
     */
    public static void checkPlacement(GoalState goal, GoalContext context) {
        for (GoalState existing : context.active()) {
            if (existing.active() && existing.sourceUnitId().equals(goal.sourceUnitId())
                    && existing.indicatorId().equals(goal.indicatorId())) {
                throw Rejection.conflict("goal-exists", "Unit " + goal.sourceUnitId() + " already has goal "
                        + existing.goalId() + " on " + goal.indicatorId() + " in " + goal.year() + "; revise it instead");
            }
        }
        List<String> ancestors = context.org().ancestorsOf(goal.sourceUnitId());
        if (ancestors.isEmpty()) {
            return;
        }
        for (GoalState inherited : context.inForce(ancestors.get(0))) {
            if (inherited.indicatorId().equals(goal.indicatorId()) && !inherited.adjustable()) {
                throw Rejection.conflict("adjustment-forbidden", "Goal " + inherited.goalId() + " on "
                        + goal.indicatorId() + " from unit " + inherited.sourceUnitId()
                        + " forbids local adjustment below it");
            }
        }
    }

    /**
     * 422 when adding the goals would leave a unit with more steering goals in force than its budget (and more than
     * it has now: a unit already over its cap, say after a move, is not blocked by a change that does not add).
     */
    public static void checkBudget(List<GoalState> added, GoalContext context) {
        Set<String> affected = new LinkedHashSet<>();
        for (GoalState goal : added) {
            affected.addAll(context.org().subtreeOf(goal.sourceUnitId()));
        }
        GoalContext after = context.with(added);
        List<GoalBudgetExceeded.Excess> excess = new ArrayList<>();
        for (String unitId : affected.stream().sorted().toList()) {
            int count = after.steeringInForce(unitId);
            int budget = context.budgetOf(unitId);
            if (count > budget && count > context.steeringInForce(unitId)) {
                excess.add(new GoalBudgetExceeded.Excess(unitId, count, budget));
            }
        }
        if (!excess.isEmpty()) {
            throw new GoalBudgetExceeded(context.year(), excess);
        }
    }
}
