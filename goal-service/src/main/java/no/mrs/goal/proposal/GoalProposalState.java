package no.mrs.goal.proposal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalProposalAdopted;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.GoalProposalRejected;
import no.mrs.contracts.goal.GoalProposed;

import java.math.BigDecimal;
import java.util.List;

/** A proposal as its events made it; {@code goalId} is the local goal it became when adopted. */
public record GoalProposalState(String proposalId, String unitId, String indicatorId, int year,
        Classification classification, BigDecimal target, String rationale, ProposalStatus status,
        String decisionReason, String goalId, long version) {

    public static final GoalProposalState NONE = new GoalProposalState(null, null, null, 0, null, null, null, null,
            null, null, 0);

    public boolean exists() {
        return proposalId != null;
    }

    public static GoalProposalState evolve(GoalProposalState s, GoalProposalEvent event) {
        // Java 17 has no pattern switch: the chain ends in a throw, and GoalProposalStateTest feeds every permitted type
        if (event instanceof GoalProposed p) {
            return new GoalProposalState(p.proposalId(), p.unitId(), p.indicatorId(), p.year(), p.classification(),
                    p.target(), p.rationale(), ProposalStatus.PROPOSED, null, null, s.version + 1);
        }
        if (event instanceof GoalProposalAdopted a) {
            return new GoalProposalState(s.proposalId, s.unitId, s.indicatorId, s.year, s.classification, s.target,
                    s.rationale, ProposalStatus.ADOPTED, a.reason(), a.goalId(), s.version + 1);
        }
        if (event instanceof GoalProposalRejected r) {
            return new GoalProposalState(s.proposalId, s.unitId, s.indicatorId, s.year, s.classification, s.target,
                    s.rationale, ProposalStatus.REJECTED, r.reason(), null, s.version + 1);
        }
        throw new IllegalArgumentException("Unhandled proposal event " + event.getClass().getName());
    }

    public static GoalProposalState replay(List<GoalProposalEvent> events) {
        GoalProposalState state = NONE;
        for (GoalProposalEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
