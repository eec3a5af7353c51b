package no.mrs.reporting.model;

import no.mrs.contracts.result.Outlier;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The superseded versions of one office figure, oldest first, packed into one {@code long[]}: six longs a version
 * (the time it became known, the three figures' unscaled values, their scales with what replaced the version and
 * its confirmations, and the index of the correction's reason in the model's table of reasons). What rarely occurs
 * (a figure too wide for a long, a comment, an outlier mark) goes to a side array. A version thus costs 48 bytes
 * instead of a {@link Result} and a {@link Superseded} (about 130), which is what keeps a long history of corrections
 * within the heap; {@link #version} makes the objects again for the few a read looks at.
 */
final class History {

    private static final int STRIDE = 6;
    /** Scales from -120 to 120 are kept as a byte; the two marks below take the rest. */
    private static final int BIAS = 120;
    private static final int EXTRA = 0xFE;
    private static final int ABSENT = 0xFF;

    private long[] data = new long[STRIDE];
    private Extra[] extras;
    private int size;

    /** What does not fit the packed longs. */
    private record Extra(BigDecimal[] wide, String comment, Outlier outlier) {
    }

    int size() {
        return size;
    }

    /** Adds the next version (it was the current figure until {@code change} replaced it). */
    void add(Result r, Superseded.Change change, int reason) {
        if ((size + 1) * STRIDE > data.length) {
            // most figures are corrected a few times: grow by a version (a quarter for long histories), no slack
            data = java.util.Arrays.copyOf(data, (size + 1 + size / 4) * STRIDE);
        }
        BigDecimal[] figures = { r.numerator(), r.denominator(), r.value() };
        BigDecimal[] wide = null;
        long meta = 0;
        int base = size * STRIDE;
        data[base] = r.knownFrom();
        for (int i = 0; i < 3; i++) {
            BigDecimal figure = figures[i];
            int scale;
            if (figure == null) {
                scale = ABSENT;
            } else if (figure.unscaledValue().bitLength() < 64 && figure.scale() >= -BIAS && figure.scale() <= BIAS) {
                data[base + 1 + i] = figure.unscaledValue().longValue();
                scale = figure.scale() + BIAS;
            } else {
                if (wide == null) {
                    wide = new BigDecimal[3];
                }
                wide[i] = figure;
                scale = EXTRA;
            }
            meta |= (long) scale << (8 * i);
        }
        meta |= (long) (change == Superseded.Change.CONFIRMATION ? 1 : 0) << 24;
        meta |= ((long) r.confirmations() & 0xFFFFFFFFL) << 25;
        data[base + 4] = meta;
        data[base + 5] = reason;
        if (wide != null || r.comment() != null || r.outlier() != null) {
            if (extras == null) {
                extras = new Extra[Math.max(2, size + 1)];
            } else if (extras.length <= size) {
                extras = java.util.Arrays.copyOf(extras, Math.max(size + 1, extras.length * 2));
            }
            extras[size] = new Extra(wide, r.comment(), r.outlier());
        }
        size++;
    }

    /** When version {@code i} became known (epoch milliseconds, or {@link Result#ALWAYS}). */
    long knownFrom(int i) {
        return data[i * STRIDE];
    }

    boolean knownAt(int i, long time) {
        long from = knownFrom(i);
        return from == Result.ALWAYS || from <= time;
    }

    Superseded.Change change(int i) {
        return ((data[i * STRIDE + 4] >>> 24) & 1) == 1 ? Superseded.Change.CONFIRMATION : Superseded.Change.CORRECTION;
    }

    /** The index of the reason in the model's table, -1 for none. */
    int reason(int i) {
        return (int) data[i * STRIDE + 5];
    }

    /** Version {@code i} as a result of the given figure (without measurement id or stream version). */
    Result result(int i, String unitId, String indicatorId, YearMonth period) {
        int base = i * STRIDE;
        long meta = data[base + 4];
        Extra extra = extras != null && i < extras.length ? extras[i] : null;
        BigDecimal[] figures = new BigDecimal[3];
        for (int f = 0; f < 3; f++) {
            int scale = (int) ((meta >>> (8 * f)) & 0xFF);
            figures[f] = scale == ABSENT ? null : scale == EXTRA ? extra.wide()[f]
                    : BigDecimal.valueOf(data[base + 1 + f], scale - BIAS);
        }
        int confirmations = (int) ((meta >>> 25) & 0xFFFFFFFFL);
        return new Result(unitId, indicatorId, period, figures[0], figures[1], figures[2],
                extra == null ? null : extra.comment(), null, 0L, extra == null ? null : extra.outlier(), confirmations,
                data[base]);
    }
}
