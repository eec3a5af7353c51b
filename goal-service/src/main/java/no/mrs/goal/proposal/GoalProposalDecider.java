package no.mrs.goal.proposal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalProposalAdopted;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.GoalProposalRejected;
import no.mrs.contracts.goal.GoalProposed;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalDecider;
import no.mrs.goal.goal.GoalRules;
import no.mrs.platform.problem.Rejection;

import java.math.BigDecimal;
import java.util.Optional;

/** Staff propose goals for their unit; a leader adopts one (it becomes a local goal) or rejects it with a reason. */
public final class GoalProposalDecider {

    public enum Decision {
        ADOPT, REJECT
    }

    public record ProposeGoal(String proposalId, String unitId, String indicatorId, int year,
            Classification classification, BigDecimal target, String rationale) {
    }

    /** {@code goalId}: the id the local goal gets if the proposal is adopted. */
    public record DecideProposal(String proposalId, Decision decision, String reason, String goalId) {
    }

    /** The proposal's event, and the local goal an adoption sets. */
    public record Decided(GoalProposalEvent event, Optional<GoalSet> goal) {
    }

    private GoalProposalDecider() {
    }

    public static GoalProposed decide(ProposeGoal c, GoalContext context) {
        if (!context.org().exists(c.unitId())) {
            throw Rejection.notFound("Unit " + c.unitId() + " does not exist");
        }
        GoalRules.checkYear("year", c.year());
        GoalRules.checkContent("", c.unitId(), c.indicatorId(), c.classification(), c.target(), context);
        return new GoalProposed(c.proposalId(), c.unitId(), c.indicatorId(), c.year(), c.classification(), c.target(),
                c.rationale());
    }

    public static Decided decide(DecideProposal c, GoalProposalState state, GoalContext context) {
        if (!state.exists()) {
            throw Rejection.notFound("Proposal " + c.proposalId() + " does not exist");
        }
        if (state.status() != ProposalStatus.PROPOSED) {
            throw Rejection.conflict("proposal-decided", "Proposal " + c.proposalId() + " was already "
                    + state.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
        if (c.decision() == Decision.REJECT) {
            if (reason == null) {
                throw Rejection.invalid("reason", "required", "Say why the proposal is rejected");
            }
            return new Decided(new GoalProposalRejected(state.proposalId(), state.unitId(), reason), Optional.empty());
        }
        GoalSet goal = GoalDecider.decide(new GoalDecider.SetLocalGoal(c.goalId(), state.unitId(), state.indicatorId(),
                state.year(), state.classification(), state.target(), null, null, state.rationale(),
                state.proposalId()), context);
        return new Decided(new GoalProposalAdopted(state.proposalId(), state.unitId(), goal.goalId(), reason),
                Optional.of(goal));
    }
}
