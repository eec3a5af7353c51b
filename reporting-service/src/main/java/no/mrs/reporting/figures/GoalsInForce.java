package no.mrs.reporting.figures;

import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.ModelView;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The goal in force for a unit, per indicator, in a month: among the goals of that year that are not retired by
 * then and were set for the unit or one of its ancestors (in that month's hierarchy), the NEAREST source wins. An
 * office's local goal or local adjustment thus overrides the region's, which overrides the central one; when the
 * local goal is retired, the inherited one counts again.
 */
public final class GoalsInForce {

    private GoalsInForce() {
    }

    public static Map<String, Goal> forUnit(ModelView model, Hierarchy hierarchy, String unitId, YearMonth month) {
        List<String> chain = hierarchy.chain(unitId, month);
        Map<String, Goal> best = new HashMap<>();
        Map<String, Integer> distance = new HashMap<>();
        Comparator<Goal> tieBreak = Comparator.comparing((Goal g) -> originRank(g.origin())).thenComparing(Goal::goalId);
        for (Goal goal : model.goals()) {
            if (!goal.inForceIn(month)) {
                continue;
            }
            int d = chain.indexOf(goal.sourceUnitId());
            if (d < 0) {
                continue;
            }
            Integer current = distance.get(goal.indicatorId());
            if (current == null || d < current
                    || (d == current && tieBreak.compare(goal, best.get(goal.indicatorId())) < 0)) {
                best.put(goal.indicatorId(), goal);
                distance.put(goal.indicatorId(), d);
            }
        }
        return best;
    }

    /** At the same source unit a local goal is more specific than a regional one, and that than a central one. */
    private static int originRank(GoalOrigin origin) {
        return origin == GoalOrigin.LOCAL ? 0 : origin == GoalOrigin.REGIONAL ? 1 : 2;
    }
}
