package no.mrs.goal.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.GoalBudgetEvent;
import no.mrs.contracts.goal.GoalBudgetSet;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalRules;
import no.mrs.goal.goal.GoalService;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.problem.Rejection;

import java.util.Optional;

/** Sets goal budgets and tells how much of one a unit uses. */
@ApplicationScoped
public class GoalBudgetService {

    @Inject
    EventStore store;

    @Inject
    GoalService goals;

    /** A unit's budget for a year: the cap ({@code own}: set for the unit, else the default) and what is in force. */
    public record GoalBudgetView(String unitId, int year, int maxSteeringGoals, boolean own, int steeringGoals) {
    }

    @Transactional
    public GoalBudgetView set(GoalBudgetDecider.SetGoalBudget command, String actor) {
        GoalContext context = goals.lockedContext(command.year());
        Optional<GoalBudgetSet> event = GoalBudgetDecider.decide(command, context);
        if (event.isPresent()) {
            GoalBudgetState state = GoalBudgetState.replay(
                    store.load("goal-budget:" + command.unitId(), GoalBudgetEvent.class));
            store.append(event.get().streamId(), state.version(), actor, event.get());
            project(event.get());
        }
        return view(command.unitId(), command.year());
    }

    public GoalBudgetView view(String unitId, int year) {
        GoalRules.checkYear("year", year);
        GoalContext context = goals.context(year);
        if (!context.org().exists(unitId)) {
            throw Rejection.notFound("Unit " + unitId + " does not exist");
        }
        return new GoalBudgetView(unitId, year, context.budgetOf(unitId), context.budgets().containsKey(unitId),
                context.steeringInForce(unitId));
    }

    private static void project(GoalBudgetSet set) {
        GoalBudgetRow row = GoalBudgetRow.findById(GoalBudgetRow.idOf(set.unitId(), set.year()));
        if (row == null) {
            row = new GoalBudgetRow();
            row.budgetId = GoalBudgetRow.idOf(set.unitId(), set.year());
            row.unitId = set.unitId();
            row.year = set.year();
            row.maxSteeringGoals = set.maxSteeringGoals();
            row.persist();
        } else {
            row.maxSteeringGoals = set.maxSteeringGoals();
        }
    }
}
