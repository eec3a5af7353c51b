package no.mrs.goal.proposal;

public enum ProposalStatus {
    PROPOSED, ADOPTED, REJECTED
}
