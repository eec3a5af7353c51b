package no.mrs.reporting.projection;

import no.mrs.contracts.EventPayload;
import no.mrs.contracts.goal.GoalBudgetEvent;
import no.mrs.contracts.goal.GoalBudgetSet;
import no.mrs.contracts.goal.GoalEvent;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.GoalLetterDrafted;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.contracts.goal.GoalLetterPublished;
import no.mrs.contracts.goal.GoalRetired;
import no.mrs.contracts.goal.GoalRevised;
import no.mrs.contracts.goal.GoalRevisedV2;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.contracts.result.FigureCommented;
import no.mrs.contracts.result.DeadLetterEvent;
import no.mrs.contracts.result.OutlierConfirmed;
import no.mrs.contracts.result.PeriodLocked;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.reporting.model.FigureComment;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Reported;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one event to the read model: pure (no I/O), so that live consumption and rebuilds apply events the same
 * way. Events of a stream arrive in order (same Kafka key); events of different streams in any order, which is
 * why figures are only aggregated when read.
 */
public final class EventProjector {

    private static final Logger LOG = Logger.getLogger(EventProjector.class);
    /** Months are NAV's: a retirement counts from the month it happened in Norway. */
    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private EventProjector() {
    }

    /** Applies the payload of an event that happened at {@code time}. */
    public static void apply(ReadModel model, EventPayload event, Instant time) {
        apply(model, event, time, null);
    }

    /** Applies the payload of an event that happened at {@code time}, made by {@code actor} (the envelope's). */
    public static void apply(ReadModel model, EventPayload event, Instant time, String actor) {
        // what the event puts becomes known at its time (asOf reads)
        model.applying(time);
        try {
            dispatch(model, event, time, actor);
        } finally {
            model.applied();
        }
    }

    private static void dispatch(ReadModel model, EventPayload event, Instant time, String actor) {
        if (event instanceof UnitEvent e) {
            applyUnit(model, e);
        } else if (event instanceof IndicatorEvent e) {
            applyIndicator(model, e);
        } else if (event instanceof GoalLetterEvent e) {
            applyLetter(e);
        } else if (event instanceof GoalEvent e) {
            applyGoal(model, e, time);
        } else if (event instanceof ResultEvent e) {
            applyResult(model, e, actor);
        } else if (event instanceof GoalBudgetEvent e) {
            applyBudget(model, e);
        } else if (event instanceof GoalProposalEvent || event instanceof DeadLetterEvent) {
            // proposals and operators' DLQ actions show on no scorecard; an adopted proposal arrives as its own
            // GoalSet, a re-submitted record as its own ResultRecorded
            LOG.debugf("%s does not concern the scorecards", event.getClass().getSimpleName());
        } else {
            throw new IllegalArgumentException("Unhandled event " + event.getClass().getName());
        }
    }

    /** A unit's own goal budget counts in the reporting burden (GET /api/burden). */
    private static void applyBudget(ReadModel model, GoalBudgetEvent event) {
        if (event instanceof GoalBudgetSet s) {
            model.putGoalBudget(s.unitId(), s.year(), s.maxSteeringGoals());
        } else {
            throw new IllegalArgumentException("Unhandled goal budget event " + event.getClass().getName());
        }
    }

    private static void applyUnit(ReadModel model, UnitEvent event) {
        if (event instanceof UnitRegistered r) {
            List<Unit.Spell> spells = r.parentId() == null ? List.of() : List.of(new Unit.Spell(null, r.parentId()));
            model.put(new Unit(r.unitId(), r.name(), r.level(), spells));
        } else if (event instanceof UnitRenamed r) {
            known(model, r.unitId(), r).ifPresent(u -> model.put(new Unit(u.unitId(), r.name(), u.level(), u.spells())));
        } else if (event instanceof UnitMoved m) {
            known(model, m.unitId(), m).ifPresent(u -> {
                // a move replaces whatever was planned from its month on; earlier months keep their parent
                List<Unit.Spell> spells = new ArrayList<>();
                for (Unit.Spell spell : u.spells()) {
                    if (spell.validFrom() == null || spell.validFrom().isBefore(m.effectiveFrom())) {
                        spells.add(spell);
                    }
                }
                spells.add(new Unit.Spell(m.effectiveFrom(), m.newParentId()));
                model.put(new Unit(u.unitId(), u.name(), u.level(), spells));
            });
        } else {
            throw new IllegalArgumentException("Unhandled unit event " + event.getClass().getName());
        }
    }

    private static Optional<Unit> known(ReadModel model, String unitId, UnitEvent event) {
        Optional<Unit> unit = model.unit(unitId);
        if (unit.isEmpty()) {
            LOG.warnf("Skipping %s for unit %s, which was never registered", event.getClass().getSimpleName(), unitId);
        }
        return unit;
    }

    private static void applyIndicator(ReadModel model, IndicatorEvent event) {
        if (event instanceof IndicatorDefined d) {
            model.put(new Indicator(d.indicatorId(), d.name(), d.perspective(), d.measure(), d.direction(),
                    d.description(), d.scaleMin(), d.scaleMax(), d.ownerUnitId(), null));
        } else if (event instanceof IndicatorRedefined d) {
            // a redefinition keeps the pairing
            String paired = model.indicator(d.indicatorId()).map(Indicator::pairedOutcome).orElse(null);
            model.put(new Indicator(d.indicatorId(), d.name(), d.perspective(), d.measure(), d.direction(),
                    d.description(), d.scaleMin(), d.scaleMax(), d.ownerUnitId(), paired));
        } else if (event instanceof IndicatorPaired p) {
            Optional<Indicator> indicator = model.indicator(p.indicatorId());
            if (indicator.isEmpty()) {
                LOG.warnf("Skipping IndicatorPaired for indicator %s, which was never defined", p.indicatorId());
            }
            indicator.ifPresent(i -> model.put(i.withPairedOutcome(p.pairedOutcome())));
        } else {
            throw new IllegalArgumentException("Unhandled indicator event " + event.getClass().getName());
        }
    }

    private static void applyLetter(GoalLetterEvent event) {
        // a letter's goals arrive as GoalSet events of their own; the letter itself adds nothing to a scorecard
        if (!(event instanceof GoalLetterDrafted) && !(event instanceof GoalLetterPublished)) {
            throw new IllegalArgumentException("Unhandled goal letter event " + event.getClass().getName());
        }
    }

    private static void applyGoal(ReadModel model, GoalEvent event, Instant time) {
        if (event instanceof GoalSet s) {
            model.put(new Goal(s.goalId(), s.indicatorId(), s.year(), s.classification(), s.target(), s.origin(),
                    s.sourceUnitId(), s.letterId(), s.mainGoal(), s.localAdjustment(), s.proposalId(), null));
        } else if (event instanceof GoalRevisedV2 r) {
            knownGoal(model, r).ifPresent(g -> model.put(g.revisedFrom(r.effectiveFrom(), r.target())));
        } else if (event instanceof GoalRevised r) {
            // version 1 took effect from the month it was made (Norwegian time)
            knownGoal(model, r).ifPresent(g -> model.put(g.revisedFrom(
                    time == null ? YearMonth.of(g.year(), 1) : YearMonth.from(time.atZone(NORWAY)), r.target())));
        } else if (event instanceof GoalRetired r) {
            YearMonth month = time == null ? null : YearMonth.from(time.atZone(NORWAY));
            knownGoal(model, r).ifPresent(g -> model.put(g.retiredFrom(month == null ? YearMonth.of(g.year(), 1) : month)));
        } else {
            throw new IllegalArgumentException("Unhandled goal event " + event.getClass().getName());
        }
    }

    private static Optional<Goal> knownGoal(ReadModel model, GoalEvent event) {
        Optional<Goal> goal = model.goal(event.goalId());
        if (goal.isEmpty()) {
            LOG.warnf("Skipping %s for goal %s, which was never set", event.getClass().getSimpleName(), event.goalId());
        }
        return goal;
    }

    private static void applyResult(ReadModel model, ResultEvent event, String actor) {
        if (event instanceof ResultRecorded r) {
            model.put(new Result(r.unitId(), r.indicatorId(), r.period(), r.numerator(), r.denominator(), r.value(),
                    r.comment(), r.measurementId(), 0L, r.outlier()), new Reported(r.receivedAt(), actor,
                            r.submitterKind() == null ? null : r.submitterKind().name()));
        } else if (event instanceof ResultCorrected c) {
            // the check ran again on the corrected figure: its warning (or none) replaces the old mark
            // and the stream's earlier confirmations stay counted (they are not corrections)
            int confirmations = model.result(new Result.Key(c.unitId(), c.indicatorId(), c.period()))
                    .map(Result::confirmations).orElse(0);
            model.put(new Result(c.unitId(), c.indicatorId(), c.period(), c.numerator(), c.denominator(), c.value(),
                    c.comment(), c.measurementId(), 0L, c.outlier(), confirmations), null,
                    no.mrs.reporting.model.Superseded.Change.CORRECTION, c.reason());
        } else if (event instanceof OutlierConfirmed o) {
            Optional<Result> result = model.result(new Result.Key(o.unitId(), o.indicatorId(), o.period()));
            if (result.isEmpty()) {
                LOG.warnf("Skipping OutlierConfirmed for %s/%s/%s, which was never reported", o.unitId(),
                        o.indicatorId(), o.period());
            }
            // a leader confirmed the figure: it is no longer marked
            result.ifPresent(r -> model.put(r.confirmed(o.measurementId()), null,
                    no.mrs.reporting.model.Superseded.Change.CONFIRMATION, null));
        } else if (event instanceof FigureCommented c) {
            model.addFigureComment(new FigureComment(c.unitId(), c.indicatorId(), c.period(), 0, c.comment(), actor,
                    c.commentedAt()));
        } else if (!(event instanceof PeriodLocked)) {
            // a locked period changes no figure
            throw new IllegalArgumentException("Unhandled result event " + event.getClass().getName());
        }
    }
}
