package no.mrs.goal.goal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.LocalAdjustment;

import java.math.BigDecimal;
import java.util.List;

/** The current state of a goal, kept up to date from its events. */
@Entity
@Table(name = "goal")
public class GoalRow extends PanacheEntityBase {

    @Id
    @Column(name = "goal_id")
    public String goalId;

    @Column(name = "indicator_id")
    public String indicatorId;

    public int year;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public BigDecimal target;

    @Enumerated(EnumType.STRING)
    public GoalOrigin origin;

    @Column(name = "source_unit_id")
    public String sourceUnitId;

    @Column(name = "letter_id")
    public String letterId;

    @Column(name = "main_goal")
    public String mainGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "local_adjustment")
    public LocalAdjustment localAdjustment;

    @Column(name = "proposal_id")
    public String proposalId;

    public String rationale;

    @Enumerated(EnumType.STRING)
    public GoalStatus status;

    public long version;

    public GoalState toState() {
        return new GoalState(goalId, indicatorId, year, classification, target, origin, sourceUnitId, letterId,
                mainGoal, localAdjustment, proposalId, rationale, status, version);
    }

    public static List<GoalState> activeIn(int year) {
        return GoalRow.<GoalRow>list("year = ?1 and status = ?2", year, GoalStatus.ACTIVE).stream()
                .map(GoalRow::toState).toList();
    }
}
