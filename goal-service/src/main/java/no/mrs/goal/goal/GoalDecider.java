package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalRetired;
import no.mrs.contracts.goal.GoalRevisedV2;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.platform.problem.Rejection;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;

/** The rules of one goal: set locally, revised with a reason, retired with a reason. */
public final class GoalDecider {

    /** A unit's own goal ({@code POST /api/units/{unitId}/goals}, or an adopted proposal). */
    public record SetLocalGoal(String goalId, String unitId, String indicatorId, int year,
            Classification classification, BigDecimal target, LocalAdjustment localAdjustment, String mainGoal,
            String rationale, String proposalId) {
    }

    /**
     * A new target from {@code effectiveFrom} on (null: from the month the revision is made, Norwegian time, brought
     * into the goal's year); {@code expectedVersion} from If-Match (null: none was sent).
     */
    public record ReviseGoal(String goalId, Long expectedVersion, BigDecimal target, String reason,
            YearMonth effectiveFrom) {

        public ReviseGoal(String goalId, Long expectedVersion, BigDecimal target, String reason) {
            this(goalId, expectedVersion, target, reason, null);
        }
    }

    /** Months are NAV's: a revision made without a month takes effect from the month it is made in Norway. */
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    public record RetireGoal(String goalId, Long expectedVersion, String reason) {
    }

    private GoalDecider() {
    }

    public static GoalSet decide(SetLocalGoal c, GoalContext context) {
        if (!context.org().exists(c.unitId())) {
            throw Rejection.notFound("Unit " + c.unitId() + " does not exist");
        }
        GoalRules.checkYear("year", c.year());
        GoalRules.checkContent("", c.unitId(), c.indicatorId(), c.classification(), c.target(), context);
        GoalSet set = new GoalSet(c.goalId(), c.indicatorId(), c.year(), c.classification(), c.target(),
                GoalOrigin.LOCAL, c.unitId(), null, c.mainGoal(),
                c.localAdjustment() == null ? LocalAdjustment.ALLOWED : c.localAdjustment(), c.proposalId(),
                c.rationale());
        GoalState goal = GoalState.of(set);
        GoalRules.checkPlacement(goal, context);
        GoalRules.checkBudget(java.util.List.of(goal), context);
        return set;
    }

    public static GoalRevisedV2 decide(ReviseGoal c, GoalState state, IndicatorState indicator) {
        return decide(c, state, indicator, YearMonth.now(NORWAY));
    }

    /** A revision made in {@code thisMonth} (Norwegian time). */
    public static GoalRevisedV2 decide(ReviseGoal c, GoalState state, IndicatorState indicator, YearMonth thisMonth) {
        requireExisting(c.goalId(), state);
        requireVersion(c.expectedVersion(), state, true);
        requireReason(c.reason());
        requireActive(state);
        if (state.classification() == Classification.MONITORING) {
            throw Rejection.invalid("target", "monitoring-has-no-target",
                    "Goal " + state.goalId() + " is MONITORING: it has no target to revise");
        }
        Targets.check("target", indicator, state.classification(), c.target());
        if (state.target() != null && state.target().compareTo(c.target()) == 0) {
            throw Rejection.invalid("target", "unchanged", "The target is already " + c.target().toPlainString());
        }
        return new GoalRevisedV2(state.goalId(), state.sourceUnitId(), c.target(), state.target(),
                effectiveFrom(c.effectiveFrom(), state.year(), thisMonth), c.reason().strip());
    }

    /**
     * The first month judged against the new target: a month of the goal's year when given (never before it, and
     * after it it would change nothing); by default the month the revision is made, or the goal year's first month
     * for a goal of a later year, or its last for a goal of an earlier year.
     */
    static YearMonth effectiveFrom(YearMonth given, int year, YearMonth thisMonth) {
        if (given == null) {
            return thisMonth.getYear() < year ? YearMonth.of(year, 1)
                    : thisMonth.getYear() > year ? YearMonth.of(year, 12) : thisMonth;
        }
        if (given.getYear() < year) {
            throw Rejection.invalid("effectiveFrom", "before-goal-year",
                    "must not be before the goal's year " + year + " (" + year + "-01 or later)");
        }
        if (given.getYear() > year) {
            throw Rejection.invalid("effectiveFrom", "after-goal-year",
                    "must be a month of the goal's year " + year + " (" + year + "-12 or earlier)");
        }
        return given;
    }

    public static GoalRetired decide(RetireGoal c, GoalState state) {
        requireExisting(c.goalId(), state);
        requireVersion(c.expectedVersion(), state, false);
        requireReason(c.reason());
        requireActive(state);
        return new GoalRetired(state.goalId(), state.sourceUnitId(), c.reason().strip());
    }

    private static void requireExisting(String goalId, GoalState state) {
        if (!state.exists()) {
            throw Rejection.notFound("Goal " + goalId + " does not exist");
        }
    }

    /** Optimistic concurrency on the client's side: the change applies to the version the client saw. */
    static void requireVersion(Long expected, GoalState state, boolean required) {
        if (expected == null) {
            if (required) {
                throw Rejection.stale("Send If-Match with the goal's current version (\"" + state.version() + "\")");
            }
            return;
        }
        if (expected != state.version()) {
            throw Rejection.stale("Goal " + state.goalId() + " is at version " + state.version() + ", not " + expected
                    + "; read it again");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalid("reason", "required", "Say why: every change to a goal keeps its reason");
        }
    }

    private static void requireActive(GoalState state) {
        if (!state.active()) {
            throw Rejection.conflict("goal-retired", "Goal " + state.goalId() + " is retired");
        }
    }
}
