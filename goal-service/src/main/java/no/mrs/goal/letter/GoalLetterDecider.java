package no.mrs.goal.letter;

import no.mrs.contracts.goal.GoalLetterDrafted;
import no.mrs.contracts.goal.GoalLetterPublished;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.LetterGoal;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalRules;
import no.mrs.goal.goal.GoalState;
import no.mrs.platform.problem.Rejection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The rules of goal letters: drafted and redrafted by their issuer, then published, putting their goals in force. */
public final class GoalLetterDecider {

    /** A new letter, or ({@code expectedVersion} set) a new version of a draft. */
    public record DraftLetter(String letterId, Long expectedVersion, int year, String issuerUnitId, String title,
            List<String> mainGoals, List<LetterGoal> goals) {
    }

    public record PublishLetter(String letterId, Long expectedVersion) {
    }

    /** Publication touches the letter's stream and one new stream per goal. */
    public record Publication(GoalLetterPublished published, List<GoalSet> goals) {
    }

    private GoalLetterDecider() {
    }

    public static GoalLetterDrafted decide(DraftLetter c, GoalLetterState state, GoalContext context) {
        if (state.exists()) {
            requireVersion(c.expectedVersion(), state);
            requireDraft(state);
            if (!state.issuerUnitId().equals(c.issuerUnitId())) {
                throw Rejection.invalid("issuerUnitId", "issuer-change",
                        "A letter's issuer cannot change; draft a new letter instead");
            }
        }
        GoalRules.checkYear("year", c.year());
        UnitLevel level = context.org().levelOf(c.issuerUnitId()).orElseThrow(() -> Rejection.invalid("issuerUnitId",
                "unknown-unit", "Unit " + c.issuerUnitId() + " does not exist"));
        if (level == UnitLevel.OFFICE) {
            throw Rejection.invalid("issuerUnitId", "wrong-level",
                    "Goal letters are issued by the national unit or a region; an office sets local goals");
        }
        Set<String> mainGoals = new HashSet<>();
        for (int i = 0; i < c.mainGoals().size(); i++) {
            if (!mainGoals.add(c.mainGoals().get(i))) {
                throw Rejection.invalid("mainGoals[" + i + "]", "duplicate", "The main goal is listed twice");
            }
        }
        Set<String> indicators = new HashSet<>();
        List<LetterGoal> goals = new ArrayList<>();
        for (int i = 0; i < c.goals().size(); i++) {
            LetterGoal goal = c.goals().get(i);
            String prefix = "goals[" + i + "].";
            if (!indicators.add(goal.indicatorId())) {
                throw Rejection.invalid(prefix + "indicatorId", "duplicate",
                        "A letter has one goal per indicator; " + goal.indicatorId() + " is listed twice");
            }
            if (goal.mainGoal() != null && !mainGoals.contains(goal.mainGoal())) {
                throw Rejection.invalid(prefix + "mainGoal", "unknown-main-goal",
                        "The main goal must be one of the letter's mainGoals");
            }
            GoalRules.checkContent(prefix, c.issuerUnitId(), goal.indicatorId(), goal.classification(), goal.target(),
                    context);
            goals.add(new LetterGoal(goal.indicatorId(), goal.classification(), goal.target(), goal.mainGoal(),
                    goal.localAdjustment() == null ? LocalAdjustment.ALLOWED : goal.localAdjustment()));
        }
        return new GoalLetterDrafted(c.letterId(), c.year(), c.issuerUnitId(), c.title(), c.mainGoals(), goals);
    }

    public static Publication decide(PublishLetter c, GoalLetterState state, GoalContext context,
            Supplier<String> goalIds) {
        if (!state.exists()) {
            throw Rejection.notFound("Goal letter " + c.letterId() + " does not exist");
        }
        if (c.expectedVersion() != null) {
            requireVersion(c.expectedVersion(), state);
        }
        requireDraft(state);
        if (state.goals().isEmpty()) {
            throw Rejection.invalid("goals", "required", "A letter without goals has nothing to publish");
        }
        UnitLevel level = context.org().levelOf(state.issuerUnitId()).orElseThrow();
        GoalOrigin origin = level == UnitLevel.NATIONAL ? GoalOrigin.CENTRAL : GoalOrigin.REGIONAL;
        List<GoalSet> sets = new ArrayList<>();
        List<GoalState> added = new ArrayList<>();
        for (int i = 0; i < state.goals().size(); i++) {
            LetterGoal goal = state.goals().get(i);
            // the catalogue may have changed since the draft: check again what is about to take effect
            GoalRules.checkContent("goals[" + i + "].", state.issuerUnitId(), goal.indicatorId(),
                    goal.classification(), goal.target(), context);
            GoalSet set = new GoalSet(goalIds.get(), goal.indicatorId(), state.year(), goal.classification(),
                    goal.target(), origin, state.issuerUnitId(), state.letterId(), goal.mainGoal(),
                    goal.localAdjustment(), null, null);
            GoalRules.checkPlacement(GoalState.of(set), context);
            sets.add(set);
            added.add(GoalState.of(set));
        }
        GoalRules.checkBudget(added, context);
        return new Publication(new GoalLetterPublished(state.letterId(), state.year(), state.issuerUnitId(),
                sets.stream().map(GoalSet::goalId).toList()), sets);
    }

    private static void requireVersion(Long expected, GoalLetterState state) {
        if (expected == null) {
            throw Rejection.stale("Send If-Match with the letter's current version (\"" + state.version() + "\")");
        }
        if (expected != state.version()) {
            throw Rejection.stale("Goal letter " + state.letterId() + " is at version " + state.version() + ", not "
                    + expected + "; read it again");
        }
    }

    private static void requireDraft(GoalLetterState state) {
        if (state.status() != LetterStatus.DRAFT) {
            throw Rejection.conflict("letter-published", "Goal letter " + state.letterId()
                    + " is published and no longer changes; revise or retire its goals instead");
        }
    }
}
