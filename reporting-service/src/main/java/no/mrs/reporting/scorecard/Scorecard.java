package no.mrs.reporting.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.reporting.figures.Status;
import no.mrs.reporting.figures.Trend;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A unit's scorecard (målekort) for a month. Figures are full precision; null means no data. */
@Schema(description = "A unit's scorecard (målekort) for a month. RATIO figures are percentages, COUNT sums, SCORE"
        + " respondent-weighted means; every figure is the ratio of sums over the offices that belonged to the unit"
        + " in each month; null means no data.")
public record Scorecard(String unitId, String unitName, String period, List<PerspectiveRows> perspectives,
        @Schema(description = "The time of the latest event the scorecard reflects (with ?asOf=: the latest at or"
                + " before that instant); null before any")
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf,
        @Schema(description = "The instant asked for with ?asOf= (the scorecard as reporting-service would have"
                + " answered then); absent without it")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant requestedAsOf) {

    /** The scorecard as it stands (no ?asOf=). */
    public Scorecard(String unitId, String unitName, String period, List<PerspectiveRows> perspectives, Instant asOf) {
        this(unitId, unitName, period, perspectives, asOf, null);
    }

    public record PerspectiveRows(Perspective perspective, List<Row> rows) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(String indicatorId, String name, Measure measure, Direction direction, GoalRef goal,
            @Schema(description = "UP/DOWN/FLAT: the last three months (M-2..M) against the three before (M-5..M-3),"
                    + " FLAT within 1 % of the earlier level; null when either window has no data")
            Trend trend,
            @Schema(description = "Year to date against the target, respecting direction: ON_TARGET (met),"
                    + " NEAR_TARGET (missed by at most 5 % of the target), OFF_TARGET; NO_TARGET for MONITORING or no"
                    + " goal; NO_DATA without a figure. A COUNT target is a monthly level, compared with the average"
                    + " month of the year so far.")
            Status status,
            @Schema(description = "January..the month: this year, and the same months last year (each month with"
                    + " the hierarchy valid then)")
            Pair yearToDate,
            @Schema(description = "The month itself, this year and last year")
            Pair period,
            @Schema(description = "The outcome indicator this activity indicator serves (set by the directorate in"
                    + " goal-service), null when it is not paired")
            String pairedOutcome,
            @Schema(description = "Goal displacement: true when, over the trend window (M-2..M against M-5..M-3),"
                    + " this activity rose by more than 5 % of its earlier level while its paired outcome got worse"
                    + " by more than 5 % (in the outcome's direction); false when not; null when not paired or a"
                    + " window of either has no data")
            Boolean displacement,
            @Schema(description = "An office's figure of the month that result-service's outlier check warned about"
                    + " and no leader has confirmed yet (a correction without a warning clears it too): the figure"
                    + " and the range the office's history made expected, in the row's terms (RATIO as a percentage)."
                    + " Null when the figure is not marked, and on the rows of regions and the nation")
            OutlierMark outlier,
            @Schema(description = "Only with ?asOf=, and only when the row's figures of this year have changed since"
                    + " that instant: the year-to-date and month figures as they stand now, and what changed them")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            ChangedSince changedSince) {

        /** A row of an indicator that is not paired. */
        public Row(String indicatorId, String name, Measure measure, Direction direction, GoalRef goal, Trend trend,
                Status status, Pair yearToDate, Pair period) {
            this(indicatorId, name, measure, direction, goal, trend, status, yearToDate, period, null, null, null,
                    null);
        }

        public Row withDisplacement(String outcome, Boolean flag) {
            return new Row(indicatorId, name, measure, direction, goal, trend, status, yearToDate, period, outcome,
                    flag, outlier, changedSince);
        }

        public Row withOutlier(OutlierMark mark) {
            return new Row(indicatorId, name, measure, direction, goal, trend, status, yearToDate, period,
                    pairedOutcome, displacement, mark, changedSince);
        }

        public Row withChangedSince(ChangedSince change) {
            return new Row(indicatorId, name, measure, direction, goal, trend, status, yearToDate, period,
                    pairedOutcome, displacement, outlier, change);
        }
    }

    /** How a row of a scorecard as of an instant differs from the same row now. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "What changed a row's figures after the instant of ?asOf=")
    public record ChangedSince(
            @Schema(description = "Year to date, this year, as it stands now") Double yearToDate,
            @Schema(description = "The month, this year, as it stands now") Double period,
            @Schema(description = "Corrections made since to the office figures the row sums (January..the month)")
            int corrections,
            @Schema(description = "Office figures of January..the month first reported since") int lateReports,
            @Schema(description = "The corrections' reasons, distinct, in the order made") List<String> reasons) {
    }

    /** A figure marked by the outlier check: what was reported, and the range the office's history made expected. */
    public record OutlierMark(Double figure, Double expectedLow, Double expectedHigh) {

        public static OutlierMark of(no.mrs.contracts.result.Outlier outlier) {
            return outlier == null ? null : new OutlierMark(outlier.figure().doubleValue(),
                    outlier.expectedLow().doubleValue(), outlier.expectedHigh().doubleValue());
        }
    }

    public record GoalRef(Double target, Classification classification, GoalOrigin origin, String goalId,
            String sourceUnitId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Pair(Double thisYear, Double lastYear) {
    }
}
