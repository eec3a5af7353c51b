package no.mrs.goal.budget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** "Few but binding goals": the cap on steering goals in force per unit and year. */
@ConfigMapping(prefix = "mrs.goal-budget")
public interface GoalBudgetConfig {

    /** The cap of a unit that has no budget of its own for the year. */
    @WithDefault("8")
    int defaultMaxSteeringGoals();
}
