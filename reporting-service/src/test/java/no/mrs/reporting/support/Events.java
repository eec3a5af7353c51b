package no.mrs.reporting.support;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalRetired;
import no.mrs.contracts.goal.GoalRevised;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultRecorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** Contract records with sensible defaults, for feeding the projections. */
public final class Events {

    private Events() {
    }

    public static UnitRegistered national(String unitId, String name) {
        return new UnitRegistered(unitId, name, UnitLevel.NATIONAL, null);
    }

    public static UnitRegistered region(String unitId, String name, String parentId) {
        return new UnitRegistered(unitId, name, UnitLevel.REGION, parentId);
    }

    public static UnitRegistered office(String unitId, String name, String parentId) {
        return new UnitRegistered(unitId, name, UnitLevel.OFFICE, parentId);
    }

    public static UnitMoved moved(String unitId, String from, String to, String effectiveFrom) {
        return new UnitMoved(unitId, from, to, YearMonth.parse(effectiveFrom));
    }

    public static IndicatorDefined ratio(String indicatorId, String name) {
        return indicator(indicatorId, name, Measure.RATIO, Direction.HIGHER_IS_BETTER, Perspective.USER);
    }

    public static IndicatorDefined indicator(String indicatorId, String name, Measure measure, Direction direction,
            Perspective perspective) {
        BigDecimal min = measure == Measure.SCORE ? BigDecimal.ONE : null;
        BigDecimal max = measure == Measure.SCORE ? BigDecimal.valueOf(6) : null;
        return new IndicatorDefined(indicatorId, name, perspective, measure, direction, null, min, max, null);
    }

    /** A RATIO or SCORE result: numerator and denominator. */
    public static ResultRecorded result(String unitId, String indicatorId, String period, double numerator,
            double denominator) {
        return new ResultRecorded(UUID.randomUUID().toString(), unitId, indicatorId, YearMonth.parse(period),
                dec(numerator), dec(denominator), null, null, Instant.now());
    }

    public static ResultRecorded result(String unitId, String indicatorId, String period, double numerator,
            double denominator, String comment) {
        return new ResultRecorded(UUID.randomUUID().toString(), unitId, indicatorId, YearMonth.parse(period),
                dec(numerator), dec(denominator), null, comment, Instant.now());
    }

    /** A COUNT result: a value. */
    public static ResultRecorded count(String unitId, String indicatorId, String period, double value) {
        return new ResultRecorded(UUID.randomUUID().toString(), unitId, indicatorId, YearMonth.parse(period), null,
                null, dec(value), null, Instant.now());
    }

    public static ResultCorrected corrected(ResultRecorded previous, double numerator, double denominator,
            String reason) {
        return new ResultCorrected(UUID.randomUUID().toString(), previous.unitId(), previous.indicatorId(),
                previous.period(), dec(numerator), dec(denominator), null, previous.comment(), Instant.now(),
                previous.measurementId(), previous.numerator(), previous.denominator(), previous.value(), reason);
    }

    /** A central steering goal of the year, set for {@code sourceUnitId} and everything below it. */
    public static GoalSet centralGoal(String sourceUnitId, String indicatorId, int year, double target) {
        return goal(sourceUnitId, indicatorId, year, target, GoalOrigin.CENTRAL);
    }

    public static GoalSet localGoal(String officeId, String indicatorId, int year, double target) {
        return goal(officeId, indicatorId, year, target, GoalOrigin.LOCAL);
    }

    public static GoalSet goal(String sourceUnitId, String indicatorId, int year, double target, GoalOrigin origin) {
        return new GoalSet(UUID.randomUUID().toString(), indicatorId, year, Classification.STEERING, dec(target),
                origin, sourceUnitId, origin == GoalOrigin.LOCAL ? null : "letter-" + year, "flere i arbeid",
                LocalAdjustment.ALLOWED, null, null);
    }

    public static GoalSet monitoring(String sourceUnitId, String indicatorId, int year) {
        return new GoalSet(UUID.randomUUID().toString(), indicatorId, year, Classification.MONITORING, null,
                GoalOrigin.CENTRAL, sourceUnitId, "letter-" + year, null, LocalAdjustment.FORBIDDEN, null, null);
    }

    /** A revision of version 2: the new target from {@code effectiveFrom} on. */
    public static no.mrs.contracts.goal.GoalRevisedV2 revisedFrom(GoalSet goal, String effectiveFrom, double target,
            double previousTarget) {
        return new no.mrs.contracts.goal.GoalRevisedV2(goal.goalId(), goal.sourceUnitId(), dec(target),
                dec(previousTarget), YearMonth.parse(effectiveFrom), "new labour market");
    }

    /** A revision of version 1: the new target from the month it was made (the event's time, Norwegian time). */
    public static GoalRevised revised(GoalSet goal, double target) {
        return new GoalRevised(goal.goalId(), goal.sourceUnitId(), dec(target), goal.target(), "new labour market");
    }

    public static GoalRetired retired(GoalSet goal) {
        return new GoalRetired(goal.goalId(), goal.sourceUnitId(), "outdated");
    }

    public static BigDecimal dec(double value) {
        return BigDecimal.valueOf(value);
    }
}
