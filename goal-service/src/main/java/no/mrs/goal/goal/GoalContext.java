package no.mrs.goal.goal;

import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.unit.OrgChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the goal rules need to know of one year: the organisation, the indicator catalogue, the goals active in the
 * year, and the units' goal budgets for it (units without one have the default).
 */
public record GoalContext(int year, OrgChart org, Map<String, IndicatorState> indicators, List<GoalState> active,
        Map<String, Integer> budgets, int defaultBudget) {

    public GoalContext {
        indicators = Map.copyOf(indicators);
        active = List.copyOf(active);
        budgets = Map.copyOf(budgets);
    }

    public Optional<IndicatorState> indicator(String indicatorId) {
        return Optional.ofNullable(indicatorId == null ? null : indicators.get(indicatorId));
    }

    public int budgetOf(String unitId) {
        return budgets.getOrDefault(unitId, defaultBudget);
    }

    public List<GoalState> inForce(String unitId) {
        return GoalRules.inForce(unitId, org, active);
    }

    public int steeringInForce(String unitId) {
        return (int) inForce(unitId).stream().filter(GoalState::steering).count();
    }

    /** The same year with more goals active. */
    public GoalContext with(List<GoalState> added) {
        List<GoalState> more = new ArrayList<>(active);
        more.addAll(added);
        return new GoalContext(year, org, indicators, more, budgets, defaultBudget);
    }

    /** The same year with one unit's budget changed. */
    public GoalContext withBudget(String unitId, int maxSteeringGoals) {
        Map<String, Integer> changed = new java.util.HashMap<>(budgets);
        changed.put(unitId, maxSteeringGoals);
        return new GoalContext(year, org, indicators, active, changed, defaultBudget);
    }
}
