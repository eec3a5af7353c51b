package no.mrs.goal.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.mrs.contracts.goal.Classification;

import java.math.BigDecimal;
import java.time.Instant;

/** The current state of a proposal, kept up to date from its events. */
@Entity
@Table(name = "goal_proposal")
public class GoalProposalRow extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public String proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "indicator_id")
    public String indicatorId;

    public int year;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public BigDecimal target;

    public String rationale;

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "goal_id")
    public String goalId;

    public long version;
}
