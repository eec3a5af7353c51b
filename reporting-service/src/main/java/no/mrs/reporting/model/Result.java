package no.mrs.reporting.model;

import no.mrs.contracts.result.Outlier;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The current figure an office reported for an indicator and month (a correction replaces it), and the version of
 * its event stream applied so far (0 until the model records it).
 *
 * <p>The read model keeps millions of these in memory, so they are lean — 64 bytes, where a field per attribute took
 * 96 (56 with JDK 25's compact object headers): up to two figures whose unscaled value fits a {@code long} and whose scale fits a byte are kept as those
 * values (exactly: {@link #numerator()} gives the same BigDecimal back), the stream version as an int, and what
 * most results do not have (a third or wider figure, a comment, a measurement id, an outlier mark, a stream version
 * past an int) in one side object, null for the rest. {@code measurementId} travels with a change to the slot's
 * table but is not kept by the model.
 */
public final class Result {

    /** Where a figure is, two bits a figure in {@link #form}. */
    private static final int ABSENT = 0;
    private static final int IN_A = 1;
    private static final int IN_B = 2;
    private static final int IN_EXTRA = 3;
    private static final int MANY_CONFIRMATIONS = 255;

    private final String unitId;
    private final String indicatorId;
    private final YearMonth period;
    /** The unscaled values of the (at most two) figures kept in place. */
    private final long a;
    private final long b;
    /**
     * Where the numerator, denominator and value are (two bits each), the scales of {@link #a} and {@link #b} (a byte
     * each, from bit 8), and how many times a leader confirmed an outlier on this figure's stream (OutlierConfirmed:
     * those events count up the stream version without being corrections) in the top byte, up to
     * {@link #MANY_CONFIRMATIONS} (then the count is in {@link #extra}).
     */
    private final int form;
    /** The stream version applied, or -1 when it does not fit an int (then it is in {@link #extra}). */
    private final int version;
    /**
     * From when the model knew this figure (epoch milliseconds of the event that set it; {@link #ALWAYS} when not
     * known, e.g. set without an event): what an {@code asOf} read compares.
     */
    private final long knownFrom;
    /** What most results do not have; null when it has none of it. */
    private final Extra extra;

    /**
     * The figures not kept in place (by index: numerator, denominator, value), the comment, the measurement id, the
     * outlier check's warning while the figure is marked (null: none, or confirmed by a leader), the stream
     * version when it does not fit an int, and the confirmations when they do not fit the top byte of the form.
     */
    private record Extra(BigDecimal[] wide, String comment, String measurementId, Outlier outlier, long streamVersion,
            int confirmations) {
    }

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
        this.unitId = unitId;
        this.indicatorId = indicatorId;
        this.period = period;
        this.knownFrom = knownFrom;
        BigDecimal[] figures = { numerator, denominator, value };
        BigDecimal[] wide = null;
        long first = 0;
        long second = 0;
        int places = 0;
        int inPlace = 0;
        for (int i = 0; i < 3; i++) {
            BigDecimal figure = figures[i];
            int where;
            if (figure == null) {
                where = ABSENT;
            } else if (inPlace < 2 && figure.scale() >= Byte.MIN_VALUE && figure.scale() <= Byte.MAX_VALUE
                    && figure.unscaledValue().bitLength() < 64) {
                long unscaled = figure.unscaledValue().longValue();
                if (inPlace == 0) {
                    first = unscaled;
                    places |= (figure.scale() & 0xFF) << 8;
                    where = IN_A;
                } else {
                    second = unscaled;
                    places |= (figure.scale() & 0xFF) << 16;
                    where = IN_B;
                }
                inPlace++;
            } else {
                if (wide == null) {
                    wide = new BigDecimal[3];
                }
                wide[i] = figure;
                where = IN_EXTRA;
            }
            places |= where << (2 * i);
        }
        boolean confirmationsFit = confirmations >= 0 && confirmations < MANY_CONFIRMATIONS;
        this.a = first;
        this.b = second;
        this.form = places | (confirmationsFit ? confirmations : MANY_CONFIRMATIONS) << 24;
        boolean versionFits = streamVersion >= 0 && streamVersion <= Integer.MAX_VALUE;
        this.version = versionFits ? (int) streamVersion : -1;
        this.extra = wide != null || comment != null || measurementId != null || outlier != null || !versionFits
                || !confirmationsFit ? new Extra(wide, comment, measurementId, outlier, streamVersion, confirmations)
                : null;
    }

    /** {@code from} with another stream version (that fits an int) and time, its figures copied as they are kept. */
    private Result(Result from, int version, long knownFrom) {
        this(from.unitId, from.indicatorId, from.period, from, version, knownFrom, from.extra);
    }

    private Result(String unitId, String indicatorId, YearMonth period, Result figures, int version, long knownFrom,
            Extra extra) {
        this.unitId = unitId;
        this.indicatorId = indicatorId;
        this.period = period;
        this.a = figures.a;
        this.b = figures.b;
        this.form = figures.form;
        this.version = version;
        this.knownFrom = knownFrom;
        this.extra = extra;
    }

    /**
     * The figure as the model keeps it: the model's instances of the ids and month, without the measurement id, with
     * this stream version and time (the figures copied as they are kept, not read and packed again).
     */
    public Result inModel(String unitId, String indicatorId, YearMonth period, long streamVersion, long knownFrom) {
        if (version < 0 || streamVersion < 0 || streamVersion > Integer.MAX_VALUE) {
            return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), null,
                    streamVersion, outlier(), confirmations(), knownFrom);
        }
        Extra kept = extra;
        if (kept != null && kept.measurementId() != null) {
            kept = kept.wide() == null && kept.comment() == null && kept.outlier() == null
                    && form >>> 24 != MANY_CONFIRMATIONS ? null
                    : new Extra(kept.wide(), kept.comment(), null, kept.outlier(), streamVersion, kept.confirmations());
        }
        return new Result(unitId, indicatorId, period, this, (int) streamVersion, knownFrom, kept);
    }

    public Result withStreamVersion(long version) {
        if (this.version >= 0 && version >= 0 && version <= Integer.MAX_VALUE) {
            return new Result(this, (int) version, knownFrom);
        }
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), measurementId(),
                version, outlier(), confirmations(), knownFrom);
    }

    /** The same figure with another outlier mark (null: not marked). */
    public Result withOutlier(Outlier mark, String measurementId) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), measurementId,
                streamVersion(), mark, confirmations(), knownFrom);
    }

    /** The figure once a leader confirmed its outlier: no longer marked, one more confirmation on its stream. */
    public Result confirmed(String measurementId) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), measurementId,
                streamVersion(), null, confirmations() + 1, knownFrom);
    }

    /** The same figure carrying the confirmations of an earlier one of its stream (a correction replaces it). */
    public Result withConfirmations(int count) {
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), measurementId(),
                streamVersion(), outlier(), count, knownFrom);
    }

    /** The same figure, known from {@code time} (epoch milliseconds, or {@link #ALWAYS}). */
    public Result withKnownFrom(long time) {
        if (version >= 0) {
            return new Result(this, version, time);
        }
        return new Result(unitId, indicatorId, period, numerator(), denominator(), value(), comment(), measurementId(),
                streamVersion(), outlier(), confirmations(), time);
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
        return figure(0);
    }

    public BigDecimal denominator() {
        return figure(1);
    }

    public BigDecimal value() {
        return figure(2);
    }

    public String comment() {
        return extra == null ? null : extra.comment();
    }

    public String measurementId() {
        return extra == null ? null : extra.measurementId();
    }

    public long streamVersion() {
        return version >= 0 ? version : extra.streamVersion();
    }

    /** The outlier check's warning while the figure is marked; null when not (never flagged, or confirmed). */
    public Outlier outlier() {
        return extra == null ? null : extra.outlier();
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
        int inForm = form >>> 24;
        return inForm == MANY_CONFIRMATIONS ? extra.confirmations() : inForm;
    }

    private BigDecimal figure(int index) {
        return switch ((form >>> (2 * index)) & 3) {
            case IN_A -> BigDecimal.valueOf(a, (byte) (form >>> 8));
            case IN_B -> BigDecimal.valueOf(b, (byte) (form >>> 16));
            case IN_EXTRA -> extra.wide()[index];
            default -> null;
        };
    }

    /** Equal figures and stream state; when each became known is left out (checksums and asOf reads look at it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Result r && unitId.equals(r.unitId) && indicatorId.equals(r.indicatorId)
                && period.equals(r.period) && Objects.equals(numerator(), r.numerator())
                && Objects.equals(denominator(), r.denominator()) && Objects.equals(value(), r.value())
                && Objects.equals(comment(), r.comment()) && Objects.equals(measurementId(), r.measurementId())
                && streamVersion() == r.streamVersion() && Objects.equals(outlier(), r.outlier())
                && confirmations() == r.confirmations();
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitId, indicatorId, period, numerator(), denominator(), value(), comment(),
                measurementId(), streamVersion(), outlier(), confirmations());
    }

    @Override
    public String toString() {
        return "Result[" + unitId + ", " + indicatorId + ", " + period + ", numerator=" + numerator() + ", denominator="
                + denominator() + ", value=" + value() + ", comment=" + comment() + ", measurementId=" + measurementId()
                + ", streamVersion=" + streamVersion() + (outlier() == null ? "" : ", outlier=" + outlier())
                + (confirmations() == 0 ? "" : ", confirmations=" + confirmations())
                + (knownFrom == ALWAYS ? "" : ", knownFrom=" + java.time.Instant.ofEpochMilli(knownFrom)) + "]";
    }
}
