package no.mrs.reporting.model;

import no.mrs.contracts.result.Outlier;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * The superseded versions of one office figure, oldest first, packed into one {@code long[]} of three longs a
 * version: the time it became known; its figures (a numerator and denominator as two ints, or a value as a long);
 * and a word with the figures' form and scales, what replaced the version, its confirmations and the index of the
 * correction's reason in the model's table of reasons. What does not fit (wider figures, more confirmations than 13
 * bits hold, a comment, an outlier mark) goes to a side array. A version thus costs 24 bytes instead of a
 * {@link Result} and a {@link Superseded} (about 130): a long history of corrections stays within the heap, in the
 * live model and in the one a rebuild builds beside it. {@link #result} makes the object again for the few a read
 * looks at.
 */
final class History {

    private static final int STRIDE = 3;
    /** Scales from -120 to 120 are kept in a byte. */
    private static final int BIAS = 120;
    /** The forms of the figures word. */
    private static final int FRACTION = 0;
    private static final int VALUE = 1;
    private static final int NONE = 2;
    private static final int EXTRA = 3;
    private static final int MAX_CONFIRMATIONS = (1 << 13) - 1;

    private long[] data = new long[STRIDE];
    private Extra[] extras;
    private int size;

    /** What does not fit the packed longs; {@code figures} only for the form {@link #EXTRA}. */
    private record Extra(BigDecimal[] figures, String comment, Outlier outlier, int confirmations) {
    }

    int size() {
        return size;
    }

    /** Adds the next version (it was the current figure until {@code change} replaced it). */
    void add(Result r, Superseded.Change change, int reason) {
        if ((size + 1) * STRIDE > data.length) {
            // most figures are corrected a few times: grow by a version (a quarter for long histories), no slack
            data = Arrays.copyOf(data, (size + 1 + size / 4) * STRIDE);
        }
        int base = size * STRIDE;
        BigDecimal numerator = r.numerator();
        BigDecimal denominator = r.denominator();
        BigDecimal value = r.value();
        int form;
        long figures = 0;
        int scaleA = 0;
        int scaleB = 0;
        if (numerator == null && denominator == null && value == null) {
            form = NONE;
        } else if (value == null && fitsInt(numerator) && fitsInt(denominator)) {
            form = FRACTION;
            figures = ((long) numerator.unscaledValue().intValue() << 32)
                    | (denominator.unscaledValue().intValue() & 0xFFFFFFFFL);
            scaleA = numerator.scale() + BIAS;
            scaleB = denominator.scale() + BIAS;
        } else if (numerator == null && denominator == null && fitsLong(value)) {
            form = VALUE;
            figures = value.unscaledValue().longValue();
            scaleA = value.scale() + BIAS;
        } else {
            form = EXTRA;
        }
        int confirmations = r.confirmations();
        boolean manyConfirmations = confirmations < 0 || confirmations > MAX_CONFIRMATIONS;
        data[base] = r.knownFrom();
        data[base + 1] = figures;
        data[base + 2] = form | (long) scaleA << 2 | (long) scaleB << 10
                | (long) (change == Superseded.Change.CONFIRMATION ? 1 : 0) << 18
                | (long) (manyConfirmations ? 0 : confirmations) << 19 | (long) reason << 32;
        if (form == EXTRA || manyConfirmations || r.comment() != null || r.outlier() != null) {
            if (extras == null) {
                extras = new Extra[size + 1];
            } else if (extras.length <= size) {
                extras = Arrays.copyOf(extras, size + 1 + size / 4);
            }
            extras[size] = new Extra(form == EXTRA ? new BigDecimal[] { numerator, denominator, value } : null,
                    r.comment(), r.outlier(), confirmations);
        }
        size++;
    }

    private static boolean fitsInt(BigDecimal figure) {
        return figure != null && figure.unscaledValue().bitLength() < 32 && Math.abs(figure.scale()) <= BIAS;
    }

    private static boolean fitsLong(BigDecimal figure) {
        return figure != null && figure.unscaledValue().bitLength() < 64 && Math.abs(figure.scale()) <= BIAS;
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
        return ((data[i * STRIDE + 2] >>> 18) & 1) == 1 ? Superseded.Change.CONFIRMATION
                : Superseded.Change.CORRECTION;
    }

    /** The index of the reason in the model's table, -1 for none. */
    int reason(int i) {
        return (int) (data[i * STRIDE + 2] >> 32);
    }

    /** Version {@code i} as a result of the given figure (without measurement id or stream version). */
    Result result(int i, String unitId, String indicatorId, YearMonth period) {
        int base = i * STRIDE;
        long figures = data[base + 1];
        long meta = data[base + 2];
        int form = (int) (meta & 3);
        int scaleA = (int) ((meta >>> 2) & 0xFF) - BIAS;
        int scaleB = (int) ((meta >>> 10) & 0xFF) - BIAS;
        Extra extra = extras != null && i < extras.length ? extras[i] : null;
        BigDecimal numerator = null;
        BigDecimal denominator = null;
        BigDecimal value = null;
        switch (form) {
            case FRACTION -> {
                numerator = BigDecimal.valueOf((int) (figures >> 32), scaleA);
                denominator = BigDecimal.valueOf((int) figures, scaleB);
            }
            case VALUE -> value = BigDecimal.valueOf(figures, scaleA);
            case EXTRA -> {
                numerator = extra.figures()[0];
                denominator = extra.figures()[1];
                value = extra.figures()[2];
            }
            default -> {
                // NONE: every figure absent
            }
        }
        int confirmations = extra != null ? extra.confirmations() : (int) ((meta >>> 19) & MAX_CONFIRMATIONS);
        return new Result(unitId, indicatorId, period, numerator, denominator, value,
                extra == null ? null : extra.comment(), null, 0L, extra == null ? null : extra.outlier(),
                confirmations, data[base]);
    }
}
