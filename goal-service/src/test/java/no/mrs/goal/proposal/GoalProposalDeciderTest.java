package no.mrs.goal.proposal;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalProposalAdopted;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.GoalProposalRejected;
import no.mrs.contracts.goal.GoalProposed;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.goal.GoalWorld;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static no.mrs.goal.GoalWorld.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalProposalDeciderTest {

    static final GoalProposed PROPOSED = new GoalProposed("p1", "0314", "B.15", 2021, Classification.STEERING,
            new BigDecimal("75"), "Vi kjenner arbeidsmarkedet");

    static GoalProposalState given(GoalProposalEvent... events) {
        return GoalProposalState.replay(List.of(events));
    }

    static GoalProposalDecider.DecideProposal decision(GoalProposalDecider.Decision decision, String reason) {
        return new GoalProposalDecider.DecideProposal("p1", decision, reason, "g1");
    }

    @Test
    void anyoneInTheUnitProposesAGoal() {
        assertThat(GoalProposalDecider.decide(new GoalProposalDecider.ProposeGoal("p1", "0314", "B.15", 2021,
                Classification.STEERING, new BigDecimal("75"), "Vi kjenner arbeidsmarkedet"), GoalWorld.nav().context()))
                .isEqualTo(PROPOSED);
    }

    @Test
    void aProposalIsValidatedLikeAGoal() {
        assertThatThrownBy(() -> GoalProposalDecider.decide(new GoalProposalDecider.ProposeGoal("p1", "0314", "X.1",
                2021, Classification.STEERING, BigDecimal.TEN, null), GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field()).containsExactly("indicatorId"));
    }

    @Test
    void adoptingCreatesALocalGoalThatRecordsTheProposal() {
        GoalProposalDecider.Decided decided = GoalProposalDecider.decide(
                decision(GoalProposalDecider.Decision.ADOPT, "Godt forslag"), given(PROPOSED), GoalWorld.nav().context());

        assertThat(decided.event()).isEqualTo(new GoalProposalAdopted("p1", "0314", "g1", "Godt forslag"));
        GoalSet goal = decided.goal().orElseThrow();
        assertThat(goal.proposalId()).isEqualTo("p1");
        assertThat(goal.origin()).isEqualTo(GoalOrigin.LOCAL);
        assertThat(goal.sourceUnitId()).isEqualTo("0314");
        assertThat(goal.rationale()).isEqualTo("Vi kjenner arbeidsmarkedet");
    }

    @Test
    void adoptionObeysTheGoalRules() {
        assertThatThrownBy(() -> GoalProposalDecider.decide(decision(GoalProposalDecider.Decision.ADOPT, null),
                given(PROPOSED), GoalWorld.nav().goal(goal("B.15").forbidden()).context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("adjustment-forbidden"));
    }

    @Test
    void rejectingNeedsAReason() {
        assertThat(GoalProposalDecider.decide(decision(GoalProposalDecider.Decision.REJECT, "Ikke nå"), given(PROPOSED),
                GoalWorld.nav().context()).event()).isEqualTo(new GoalProposalRejected("p1", "0314", "Ikke nå"));
        assertThatThrownBy(() -> GoalProposalDecider.decide(decision(GoalProposalDecider.Decision.REJECT, " "),
                given(PROPOSED), GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.errors())
                        .extracting(e -> e.field()).containsExactly("reason"));
    }

    @Test
    void aProposalIsDecidedOnce() {
        GoalProposalState rejected = given(PROPOSED, new GoalProposalRejected("p1", "0314", "Nei"));

        assertThatThrownBy(() -> GoalProposalDecider.decide(decision(GoalProposalDecider.Decision.ADOPT, null),
                rejected, GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("proposal-decided"));
    }
}
