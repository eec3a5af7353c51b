package no.mrs.goal.proposal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.mrs.goal.proposal.GoalProposalDecider;
import no.mrs.goal.proposal.GoalProposalService;
import no.mrs.platform.problem.ProblemException;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/goal-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goal proposals")
public class GoalProposalResource {

    @Inject
    GoalProposalService proposals;

    @Inject
    Caller caller;

    public record DecisionBody(@NotNull GoalProposalDecider.Decision decision, @Size(max = 4000) String reason) {
    }

    @GET
    @Path("{proposalId}")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER, Roles.EMPLOYEE, Roles.REPORTER, Roles.VIEWER })
    @Operation(operationId = "getGoalProposal", summary = "One proposal")
    public GoalProposalService.ProposalView get(@PathParam("proposalId") String proposalId) {
        return existing(proposalId);
    }

    @POST
    @Path("{proposalId}/decision")
    @RolesAllowed({ Roles.DIRECTORATE, Roles.LEADER })
    @Operation(operationId = "decideGoalProposal", summary = "Adopt the proposal (it becomes a local goal that records the proposal) or reject it with"
            + " a reason (a leader of the unit or above)")
    public GoalProposalService.ProposalView decide(@PathParam("proposalId") String proposalId,
            @Valid @NotNull DecisionBody body) {
        caller.requireRoleForUnit(existing(proposalId).unitId(), Roles.DIRECTORATE, Roles.LEADER);
        return proposals.decide(new GoalProposalDecider.DecideProposal(proposalId, body.decision(), body.reason(),
                UUID.randomUUID().toString()), caller.subject());
    }

    private GoalProposalService.ProposalView existing(String proposalId) {
        return proposals.find(proposalId)
                .orElseThrow(() -> ProblemException.notFound("Proposal " + proposalId + " does not exist"));
    }
}
