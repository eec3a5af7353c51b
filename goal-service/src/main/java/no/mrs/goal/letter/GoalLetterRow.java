package no.mrs.goal.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current state of a goal letter; its lists are JSON, read and replaced whole. */
@Entity
@Table(name = "goal_letter")
public class GoalLetterRow extends PanacheEntityBase {

    @Id
    @Column(name = "letter_id")
    public String letterId;

    public int year;

    @Column(name = "issuer_unit_id")
    public String issuerUnitId;

    public String title;

    @Column(name = "main_goals")
    public String mainGoals;

    public String goals;

    @Enumerated(EnumType.STRING)
    public LetterStatus status;

    @Column(name = "goal_ids")
    public String goalIds;

    public long version;
}
