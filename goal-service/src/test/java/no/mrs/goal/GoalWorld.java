package no.mrs.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalState;
import no.mrs.goal.goal.GoalStatus;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.unit.OrgChart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The "given" of the pure goal tests: a small NAV (0000; regions 0300 Oslo and 0400 Innlandet; offices 0314 Sagene,
 * 0315 Grünerløkka under Oslo, 0502 Gjøvik under Innlandet), a catalogue, active goals and budgets, as a builder.
 */
public final class GoalWorld {

    public static final int YEAR = 2021;

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, UnitLevel> levels = new HashMap<>();
    private final Map<String, IndicatorState> indicators = new HashMap<>();
    private final List<GoalState> goals = new ArrayList<>();
    private final Map<String, Integer> budgets = new HashMap<>();
    private int defaultBudget = 8;

    public static GoalWorld nav() {
        GoalWorld world = new GoalWorld()
                .unit("0000", UnitLevel.NATIONAL, null)
                .unit("0300", UnitLevel.REGION, "0000").unit("0400", UnitLevel.REGION, "0000")
                .unit("0314", UnitLevel.OFFICE, "0300").unit("0315", UnitLevel.OFFICE, "0300")
                .unit("0502", UnitLevel.OFFICE, "0400");
        return world.indicator(ratio("B.15")).indicator(ratio("B.16")).indicator(ratio("B.25"))
                .indicator(count("B.31")).indicator(score("B.90", 1, 6));
    }

    public GoalWorld unit(String unitId, UnitLevel level, String parentId) {
        levels.put(unitId, level);
        if (parentId != null) {
            parents.put(unitId, parentId);
        }
        return this;
    }

    public GoalWorld indicator(IndicatorState indicator) {
        indicators.put(indicator.indicatorId(), indicator);
        return this;
    }

    public GoalWorld goal(GoalBuilder goal) {
        goals.add(goal.build());
        return this;
    }

    public GoalWorld budget(String unitId, int max) {
        budgets.put(unitId, max);
        return this;
    }

    public GoalWorld defaultBudget(int max) {
        defaultBudget = max;
        return this;
    }

    public OrgChart org() {
        return new OrgChart(parents, levels);
    }

    public GoalContext context() {
        return new GoalContext(YEAR, org(), indicators, goals, budgets, defaultBudget);
    }

    public static IndicatorState ratio(String id) {
        return new IndicatorState(id, "Andel " + id, Perspective.USER, Measure.RATIO, Direction.HIGHER_IS_BETTER, null,
                null, null, null, 1);
    }

    public static IndicatorState count(String id) {
        return new IndicatorState(id, "Antall " + id, Perspective.USER, Measure.COUNT, Direction.HIGHER_IS_BETTER,
                null, null, null, null, 1);
    }

    public static IndicatorState score(String id, int min, int max) {
        return new IndicatorState(id, "Score " + id, Perspective.USER, Measure.SCORE, Direction.HIGHER_IS_BETTER, null,
                BigDecimal.valueOf(min), BigDecimal.valueOf(max), null, 1);
    }

    public static IndicatorState localRatio(String id, String ownerUnitId) {
        return new IndicatorState(id, "Lokal " + id, Perspective.PROCESS, Measure.RATIO, Direction.HIGHER_IS_BETTER,
                null, null, null, ownerUnitId, 1);
    }

    /** A STEERING goal on the indicator with target 50, ALLOWED, at the national unit, unless told otherwise. */
    public static GoalBuilder goal(String indicatorId) {
        return new GoalBuilder(indicatorId);
    }

    public static final class GoalBuilder {
        private final String indicatorId;
        private String goalId = UUID.randomUUID().toString();
        private String sourceUnitId = "0000";
        private Classification classification = Classification.STEERING;
        private BigDecimal target = BigDecimal.valueOf(50);
        private LocalAdjustment adjustment = LocalAdjustment.ALLOWED;
        private GoalOrigin origin;
        private GoalStatus status = GoalStatus.ACTIVE;

        GoalBuilder(String indicatorId) {
            this.indicatorId = indicatorId;
        }

        public GoalBuilder id(String id) {
            goalId = id;
            return this;
        }

        public GoalBuilder at(String unitId) {
            sourceUnitId = unitId;
            return this;
        }

        public GoalBuilder target(double value) {
            target = BigDecimal.valueOf(value);
            return this;
        }

        public GoalBuilder monitoring() {
            classification = Classification.MONITORING;
            target = null;
            return this;
        }

        public GoalBuilder forbidden() {
            adjustment = LocalAdjustment.FORBIDDEN;
            return this;
        }

        public GoalBuilder origin(GoalOrigin value) {
            origin = value;
            return this;
        }

        public GoalBuilder retired() {
            status = GoalStatus.RETIRED;
            return this;
        }

        public GoalState build() {
            GoalOrigin o = origin != null ? origin
                    : "0000".equals(sourceUnitId) ? GoalOrigin.CENTRAL : GoalOrigin.LOCAL;
            return new GoalState(goalId, indicatorId, YEAR, classification, target, o, sourceUnitId, null, null,
                    adjustment, null, null, status, 1);
        }
    }
}
