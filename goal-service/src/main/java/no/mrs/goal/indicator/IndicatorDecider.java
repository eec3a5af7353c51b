package no.mrs.goal.indicator;

import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.goal.unit.OrgChart;
import no.mrs.platform.problem.Rejection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The rules of the indicator catalogue. */
public final class IndicatorDecider {

    /** Define an indicator or change its definition ({@code PUT /api/indicators/{indicatorId}}). */
    public record DefineIndicator(String indicatorId, String name, Perspective perspective, Measure measure,
            Direction direction, String description, BigDecimal scaleMin, BigDecimal scaleMax, String ownerUnitId) {
    }

    /**
     * Pair an activity indicator with the outcome it is meant to serve, or remove the pairing ({@code pairedOutcome}
     * null) ({@code PUT /api/indicators/{indicatorId}/paired-outcome}).
     */
    public record PairIndicator(String indicatorId, String pairedOutcome) {
    }

    private IndicatorDecider() {
    }

    /**
     * The indicator must exist (the caller answers 404 before); the outcome must be another indicator of the
     * catalogue (400 naming pairedOutcome). The same pairing again changes nothing.
     */
    public static List<IndicatorEvent> decide(PairIndicator c, IndicatorState state,
            java.util.function.Predicate<String> inCatalogue) {
        if (!state.exists()) {
            throw Rejection.notFound("Indicator " + c.indicatorId() + " does not exist");
        }
        if (c.pairedOutcome() != null) {
            if (c.pairedOutcome().equals(c.indicatorId())) {
                throw Rejection.invalid("pairedOutcome", "paired-with-itself",
                        "An indicator cannot be paired with itself: name the outcome indicator it serves");
            }
            if (!inCatalogue.test(c.pairedOutcome())) {
                throw Rejection.invalid("pairedOutcome", "unknown-indicator",
                        "Indicator " + c.pairedOutcome() + " does not exist");
            }
        }
        if (Objects.equals(c.pairedOutcome(), state.pairedOutcome())) {
            return List.of();
        }
        return List.of(new IndicatorPaired(c.indicatorId(), c.pairedOutcome()));
    }

    public static List<IndicatorEvent> decide(DefineIndicator c, IndicatorState state, OrgChart org) {
        checkScale(c);
        if (c.ownerUnitId() != null && !org.exists(c.ownerUnitId())) {
            throw Rejection.invalid("ownerUnitId", "unknown-unit", "Unit " + c.ownerUnitId() + " does not exist");
        }
        if (!state.exists()) {
            return List.of(new IndicatorDefined(c.indicatorId(), c.name(), c.perspective(), c.measure(),
                    c.direction(), c.description(), c.scaleMin(), c.scaleMax(), c.ownerUnitId()));
        }
        if (c.measure() != state.measure()) {
            throw Rejection.invalid("measure", "measure-change", "An indicator's measure cannot change ("
                    + state.measure() + "): its reported figures would change meaning; define a new indicator");
        }
        if (!Objects.equals(c.ownerUnitId(), state.ownerUnitId())) {
            throw Rejection.invalid("ownerUnitId", "owner-change", "An indicator's owner cannot change");
        }
        if (sameDefinition(c, state)) {
            return List.of();
        }
        return List.of(new IndicatorRedefined(c.indicatorId(), c.name(), c.perspective(), c.measure(),
                c.direction(), c.description(), c.scaleMin(), c.scaleMax(), c.ownerUnitId()));
    }

    private static void checkScale(DefineIndicator c) {
        if (c.measure() == Measure.SCORE) {
            if (c.scaleMin() == null) {
                throw Rejection.invalid("scaleMin", "required", "A SCORE indicator needs scaleMin and scaleMax");
            }
            if (c.scaleMax() == null) {
                throw Rejection.invalid("scaleMax", "required", "A SCORE indicator needs scaleMin and scaleMax");
            }
            if (c.scaleMax().compareTo(c.scaleMin()) <= 0) {
                throw Rejection.invalid("scaleMax", "not-above-min", "scaleMax must be above scaleMin");
            }
        } else {
            if (c.scaleMin() != null) {
                throw Rejection.invalid("scaleMin", "only-for-score", "Only a SCORE indicator has a scale");
            }
            if (c.scaleMax() != null) {
                throw Rejection.invalid("scaleMax", "only-for-score", "Only a SCORE indicator has a scale");
            }
        }
    }

    private static boolean sameDefinition(DefineIndicator c, IndicatorState s) {
        return c.name().equals(s.name()) && c.perspective() == s.perspective() && c.direction() == s.direction()
                && Objects.equals(c.description(), s.description()) && same(c.scaleMin(), s.scaleMin())
                && same(c.scaleMax(), s.scaleMax());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
