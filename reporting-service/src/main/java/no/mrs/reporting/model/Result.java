package no.mrs.reporting.model;

import no.mrs.contracts.result.Outlier;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The current figure an office reported for an indicator and month (a correction replaces it), and the version of
 * its event stream applied so far (0 until the model records it).
 *
 * <p>The read model keeps millions of these in memory, so they are lean: a figure whose unscaled value fits a
 * {@code long} is kept as that value and its scale (exactly, {@link #numerator()} gives the same BigDecimal back),
 * and {@code measurementId} travels with a change to the slot's table but is not kept by the model.
 */
public final class Result {

    /** Marks a figure that is absent (null) in the scale fields. */
    private static final int ABSENT = Integer.MIN_VALUE;
    /** Marks a figure kept as a BigDecimal (too long for a {@code long}). */
    private static final int WIDE = Integer.MAX_VALUE;

    private final String unitId;
    private final String indicatorId;
    private final YearMonth period;
    private final long numerator;
    private final long denominator;
    private final long value;
    private final int numeratorScale;
    private final int denominatorScale;
    private final int valueScale;
    /** The figures that do not fit a long (almost never): numerator, denominator, value. */
    private final BigDecimal[] wide;
    private final String comment;
    private final String measurementId;
    private final long streamVersion;
    /** The outlier check's warning while the figure is marked (null: none, or confirmed by a leader). */
    private final Outlier outlier;
    /**
     * How many times a leader confirmed an outlier on this figure's stream (OutlierConfirmed): those events count up
     * the stream version without being corrections. Fits the object's alignment padding: no extra memory.
     */
    private final int confirmations;
    /**
     * From when the model knew this figure (epoch milliseconds of the event that set it; {@link #ALWAYS} when not
     * known, e.g. set without an event): what an {@code asOf} read compares.
     */
    private final long knownFrom;

    /** A figure known from the beginning (set without an event time). */
    public static final long ALWAYS = Long.MIN_VALUE;

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String measurementId) {
        this(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, 0L);
    }

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String measurementId, long streamVersion) {
        this(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, streamVersion, null);
    }

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String measurementId, long streamVersion,
            Outlier outlier) {
        this(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, streamVersion, outlier,
                0);
    }

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String measurementId, long streamVersion,
            Outlier outlier, int confirmations) {
        this(unitId, indicatorId, period, numerator, denominator, value, comment, measurementId, streamVersion, outlier,
                confirmations, ALWAYS);
    }

    public Result(String unitId, String indicatorId, YearMonth period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String measurementId, long streamVersion,
            Outlier outlier, int confirmations, long knownFrom) {
        this.confirmations = confirmations;
        this.knownFrom = knownFrom;
        this.unitId = unitId;
        this.outlier = outlier;
        this.indicatorId = indicatorId;
        this.period = period;
        this.comment = comment;
        this.measurementId = measurementId;
        this.streamVersion = streamVersion;
        BigDecimal[] tooWide = null;
        long[] unscaled = new long[3];
        int[] scales = new int[3];
        BigDecimal[] figures = { numerator, denominator, value };
        for (int i = 0; i < 3; i++) {
            BigDecimal figure = figures[i];
            if (figure == null) {
                scales[i] = ABSENT;
            } else if (figure.unscaledValue().bitLength() < 64 && figure.scale() != ABSENT && figure.scale() != WIDE) {
                unscaled[i] = figure.unscaledValue().longValue();
                scales[i] = figure.scale();
            } else {
                if (tooWide == null) {
                    tooWide = new BigDecimal[3];
                }
                tooWide[i] = figure;
                scales[i] = WIDE;
            }
        }
        this.numerator = unscaled[0];
        this.denominator = unscaled[1];
        this.value = unscaled[2];
        this.numeratorScale = scales[0];
        this.denominatorScale = scales[1];
        this.valueScale = scales[2];
        this.wide = tooWide;
    }

    public Result withStreamVersion(long version) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                version, outlier, confirmations, knownFrom);
    }

    /** The same figure with another outlier mark (null: not marked). */
    public Result withOutlier(Outlier mark, String measurementId) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                streamVersion, mark, confirmations, knownFrom);
    }

    /** The figure once a leader confirmed its outlier: no longer marked, one more confirmation on its stream. */
    public Result confirmed(String measurementId) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                streamVersion, null, confirmations + 1, knownFrom);
    }

    /** The same figure carrying the confirmations of an earlier one of its stream (a correction replaces it). */
    public Result withConfirmations(int count) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                streamVersion, outlier, count, knownFrom);
    }

    /** The same figure, known from {@code time} (epoch milliseconds, or {@link #ALWAYS}). */
    public Result withKnownFrom(long time) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                streamVersion, outlier, confirmations, time);
    }

    public Key key() {
        return new Key(unitId, indicatorId, period);
    }

    public record Key(String unitId, String indicatorId, YearMonth period) {

        /** Not the record's own: a month's hash code ({@code year ^ month << 27}) makes a year's keys collide. */
        @Override
        public int hashCode() {
            return (unitId.hashCode() * 31 + indicatorId.hashCode()) * 31 + no.mrs.platform.time.MonthMap.hash(period);
        }
    }

    public String unitId() {
        return unitId;
    }

    public String indicatorId() {
        return indicatorId;
    }

    public YearMonth period() {
        return period;
    }

    public BigDecimal numerator() {
        return figure(0, numerator, numeratorScale);
    }

    public BigDecimal denominator() {
        return figure(1, denominator, denominatorScale);
    }

    public BigDecimal value() {
        return figure(2, value, valueScale);
    }

    public String comment() {
        return comment;
    }

    public String measurementId() {
        return measurementId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    /** The outlier check's warning while the figure is marked; null when not (never flagged, or confirmed). */
    public Outlier outlier() {
        return outlier;
    }

    /** From when the model knew the figure (epoch milliseconds), {@link #ALWAYS} when it has no time. */
    public long knownFrom() {
        return knownFrom;
    }

    /** Whether the figure was known at {@code time} (epoch milliseconds). */
    public boolean knownAt(long time) {
        return knownFrom == ALWAYS || knownFrom <= time;
    }

    /** The OutlierConfirmed events on the figure's stream so far. */
    public int confirmations() {
        return confirmations;
    }

    private BigDecimal figure(int index, long unscaled, int scale) {
        if (scale == ABSENT) {
            return null;
        }
        return scale == WIDE ? wide[index] : BigDecimal.valueOf(unscaled, scale);
    }

    /** Equal figures and stream state; when each became known is left out (checksums and asOf reads look at it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Result r && unitId.equals(r.unitId) && indicatorId.equals(r.indicatorId)
                && period.equals(r.period) && Objects.equals(numerator(), r.numerator())
                && Objects.equals(denominator(), r.denominator()) && Objects.equals(value(), r.value())
                && Objects.equals(comment, r.comment) && Objects.equals(measurementId, r.measurementId)
                && streamVersion == r.streamVersion && Objects.equals(outlier, r.outlier)
                && confirmations == r.confirmations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitId, indicatorId, period, numerator(), denominator(), value(), comment, measurementId,
                streamVersion, outlier, confirmations);
    }

    @Override
    public String toString() {
        return "Result[" + unitId + ", " + indicatorId + ", " + period + ", numerator=" + numerator() + ", denominator="
                + denominator() + ", value=" + value() + ", comment=" + comment + ", measurementId=" + measurementId
                + ", streamVersion=" + streamVersion + (outlier == null ? "" : ", outlier=" + outlier)
                + (confirmations == 0 ? "" : ", confirmations=" + confirmations)
                + (knownFrom == ALWAYS ? "" : ", knownFrom=" + java.time.Instant.ofEpochMilli(knownFrom)) + "]";
    }
}
