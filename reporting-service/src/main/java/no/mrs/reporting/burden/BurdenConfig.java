package no.mrs.reporting.burden;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The goal budget of a unit that has none of its own for a year. goal-service decides it under the same property
 * ({@code mrs.goal-budget.default-max-steering-goals}, env {@code MRS_GOAL_BUDGET_DEFAULT_MAX_STEERING_GOALS}) and
 * publishes only the budgets set for a unit, so both services must be given the same value.
 */
@ConfigMapping(prefix = "mrs.goal-budget")
public interface BurdenConfig {

    @WithDefault("8")
    int defaultMaxSteeringGoals();
}
