package no.mrs.goal.proposal;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.GoalProposed;
import no.mrs.goal.goal.GoalContext;
import no.mrs.goal.goal.GoalRules;
import no.mrs.goal.goal.GoalService;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Takes proposals from staff and records leaders' decisions on them. */
@ApplicationScoped
public class GoalProposalService {

    @Inject
    EventStore store;

    @Inject
    GoalService goals;

    /** A proposal as the API shows it: who proposed it and when, who decided and when. */
    public record ProposalView(String proposalId, String unitId, String indicatorId, int year,
            no.mrs.contracts.goal.Classification classification, java.math.BigDecimal target, String rationale,
            ProposalStatus status, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
            String decisionReason, String goalId, long version) {

        static ProposalView of(GoalProposalRow r) {
            return new ProposalView(r.proposalId, r.unitId, r.indicatorId, r.year, r.classification, r.target,
                    r.rationale, r.status, r.proposedBy, r.proposedAt, r.decidedBy, r.decidedAt, r.decisionReason,
                    r.goalId, r.version);
        }
    }

    @Transactional
    public ProposalView propose(GoalProposalDecider.ProposeGoal command, String actor) {
        GoalRules.checkYear("year", command.year());
        GoalProposed proposed = GoalProposalDecider.decide(command, goals.context(command.year()));
        store.append(proposed.streamId(), 0, actor, proposed);
        GoalProposalRow row = new GoalProposalRow();
        row.proposalId = proposed.proposalId();
        row.proposedBy = actor;
        row.proposedAt = now();
        fill(row, GoalProposalState.evolve(GoalProposalState.NONE, proposed));
        row.persist();
        return ProposalView.of(row);
    }

    @Transactional
    public ProposalView decide(GoalProposalDecider.DecideProposal command, String actor) {
        GoalProposalState state = load(command.proposalId());
        GoalContext context = state.exists() ? goals.lockedContext(state.year()) : null;
        GoalProposalDecider.Decided decided = GoalProposalDecider.decide(command, state, context);
        store.append(decided.event().streamId(), state.version(), actor, decided.event());
        decided.goal().ifPresent(goal -> goals.record(actor, List.of(goal)));
        GoalProposalRow row = GoalProposalRow.findById(command.proposalId());
        row.decidedBy = actor;
        row.decidedAt = now();
        fill(row, GoalProposalState.evolve(state, decided.event()));
        return ProposalView.of(row);
    }

    public GoalProposalState load(String proposalId) {
        return GoalProposalState.replay(store.load("proposal:" + proposalId, GoalProposalEvent.class));
    }

    public Optional<ProposalView> find(String proposalId) {
        return GoalProposalRow.<GoalProposalRow>findByIdOptional(proposalId).map(ProposalView::of);
    }

    /** A page of the unit's proposals, newest year first, then by id; optionally of one status. */
    public Page<ProposalView> page(String unitId, ProposalStatus status, PageRequest request) {
        StringBuilder query = new StringBuilder("unitId = :unit");
        Parameters parameters = Parameters.with("unit", unitId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        List<String> after = request.afterKey(2);
        if (after != null) {
            query.append(" and (year < :afterYear or (year = :afterYear and proposalId > :afterProposal))");
            parameters.and("afterYear", cursorYear(after.get(0))).and("afterProposal", after.get(1));
        }
        query.append(" order by year desc, proposalId");
        List<ProposalView> views = GoalProposalRow.<GoalProposalRow>find(query.toString(), parameters)
                .range(0, request.fetchSize() - 1).stream().map(ProposalView::of).toList();
        return request.page(views, view -> Cursor.of(view.year(), view.proposalId()));
    }

    private static int cursorYear(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static void fill(GoalProposalRow row, GoalProposalState s) {
        row.unitId = s.unitId();
        row.indicatorId = s.indicatorId();
        row.year = s.year();
        row.classification = s.classification();
        row.target = s.target();
        row.rationale = s.rationale();
        row.status = s.status();
        row.decisionReason = s.decisionReason();
        row.goalId = s.goalId();
        row.version = s.version();
    }
}
