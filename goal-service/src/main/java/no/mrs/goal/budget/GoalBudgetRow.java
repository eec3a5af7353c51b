package no.mrs.goal.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

/** A unit's own goal budget for a year, kept up to date from its events; units without one have the default. */
@Entity
@Table(name = "goal_budget")
public class GoalBudgetRow extends PanacheEntityBase {

    /** {@code <unitId>:<year>} */
    @Id
    @Column(name = "budget_id")
    public String budgetId;

    @Column(name = "unit_id")
    public String unitId;

    public int year;

    @Column(name = "max_steering_goals")
    public int maxSteeringGoals;

    public static String idOf(String unitId, int year) {
        return unitId + ":" + year;
    }

    public static Map<String, Integer> of(int year) {
        Map<String, Integer> budgets = new HashMap<>();
        GoalBudgetRow.<GoalBudgetRow>list("year", year).forEach(b -> budgets.put(b.unitId, b.maxSteeringGoals));
        return budgets;
    }
}
