package no.mrs.result.outlier;

import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.result.Outlier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a submitted figure departs strongly from the office's own history, pure (README "Outlier check").
 *
 * <p>On a log scale (so that a figure 10× too large and one 10× too small are equally far off, and an office of 20
 * and one of 2,000 are judged alike), the figure is compared with two references: the office's recent level (the
 * median of the six months before) and the same month last year. It is an outlier only when it lies more than
 * {@link #THRESHOLD} robust standard deviations from both — a seasonal peak is near last year's same month, a new
 * level near the recent months, a figure typed wrong near neither. The robust standard deviation is the largest of
 * the office's own month-to-month spread (1.4826 × the median absolute deviation of the twelve months before), the
 * sampling noise of the figure (a ratio of few cases, a small count) and a floor of {@link #MIN_SPREAD}.
 */
public final class OutlierCheck {

    /** Months before the figure that make the recent level, and how many of them must be there. */
    public static final int LEVEL_MONTHS = 6;
    public static final int MIN_LEVEL_MONTHS = 3;
    /** Months before the figure whose spread measures how much the office's figures move anyway. */
    public static final int SPREAD_MONTHS = 12;
    /** Robust standard deviations beyond which a figure is an outlier (Iglewicz and Hoaglin's 3.5). */
    public static final double THRESHOLD = 3.5;
    /**
     * The least spread on the log scale: ±0.875 at the threshold, so a figure within 0.42×–2.4× of a reference
     * always passes (an office's count can rise by 80 % from one year to the next, as the demo's and the thesis's
     * B.31–B.33 did from December 2020 to January 2021); a figure 3× or 10× off is caught.
     */
    public static final double MIN_SPREAD = 0.25;
    /** A RATIO or SCORE from fewer cases (denominator) than this is never an outlier: too few to say. */
    public static final int MIN_CASES = 20;
    /** The median absolute deviation of a normal distribution is 0.6745 σ. */
    private static final double MAD_TO_SIGMA = 1.4826;

    /** A month's figure as reported: numerator and denominator (RATIO, SCORE) or value (COUNT). */
    public record Figure(BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
    }

    private OutlierCheck() {
    }

    /**
     * The warning for {@code figure} of {@code period}, judged against the office's {@code history} (its figures by
     * month; only the twelve months before {@code period} are used), or empty when the figure is within its expected
     * range, is of too few cases, or the office has too little history to judge.
     */
    public static Optional<Outlier> check(Measure measure, YearMonth period, Figure figure,
            Map<YearMonth, Figure> history) {
        if (!usable(measure, figure)) {
            return Optional.empty();
        }
        if (measure != Measure.COUNT && figure.denominator().compareTo(BigDecimal.valueOf(MIN_CASES)) < 0) {
            return Optional.empty();
        }
        List<Double> level = new ArrayList<>();
        for (int back = 1; back <= LEVEL_MONTHS; back++) {
            Figure f = history.get(period.minusMonths(back));
            if (usable(measure, f)) {
                level.add(log(measure, f));
            }
        }
        if (level.size() < MIN_LEVEL_MONTHS) {
            return Optional.empty();
        }
        List<Double> recent = new ArrayList<>();
        for (int back = 1; back <= SPREAD_MONTHS; back++) {
            Figure f = history.get(period.minusMonths(back));
            if (usable(measure, f)) {
                recent.add(log(measure, f));
            }
        }
        double levelReference = median(level);
        Figure lastYear = history.get(period.minusYears(1));
        double low = levelReference;
        double high = levelReference;
        if (usable(measure, lastYear)) {
            double seasonal = log(measure, lastYear);
            low = Math.min(low, seasonal);
            high = Math.max(high, seasonal);
        }
        double spread = Math.max(MIN_SPREAD, Math.max(MAD_TO_SIGMA * mad(recent),
                noise(measure, figure, Math.exp(levelReference))));
        double x = log(measure, figure);
        double expectedLow = low - THRESHOLD * spread;
        double expectedHigh = high + THRESHOLD * spread;
        if (x >= expectedLow && x <= expectedHigh) {
            return Optional.empty();
        }
        return Optional.of(new Outlier(round(shown(measure, figure)), round(back(measure, expectedLow)),
                round(Math.min(back(measure, expectedHigh), ceiling(measure)))));
    }

    private static boolean usable(Measure measure, Figure f) {
        if (f == null) {
            return false;
        }
        return measure == Measure.COUNT ? f.value() != null
                : f.numerator() != null && f.denominator() != null && f.denominator().signum() > 0;
    }

    /**
     * The figure on the log scale: a COUNT as ln(count + 1), a RATIO as ln of the share (at least half a case, so
     * that 0 of n stays finite), a SCORE as ln(mean + 1).
     */
    static double log(Measure measure, Figure f) {
        return switch (measure) {
            case COUNT -> Math.log(f.value().doubleValue() + 1);
            case RATIO -> {
                double n = f.denominator().doubleValue();
                yield Math.log(Math.max(f.numerator().doubleValue() / n, 0.5 / n));
            }
            case SCORE -> Math.log(Math.max(0, f.numerator().doubleValue() / f.denominator().doubleValue()) + 1);
        };
    }

    /** A value of the log scale back in the figure's terms (RATIO as a percentage, as the scorecard shows it). */
    private static double back(Measure measure, double x) {
        return switch (measure) {
            case COUNT, SCORE -> Math.max(0, Math.exp(x) - 1);
            case RATIO -> 100 * Math.exp(x);
        };
    }

    private static double shown(Measure measure, Figure f) {
        return switch (measure) {
            case COUNT -> f.value().doubleValue();
            case RATIO -> 100 * f.numerator().doubleValue() / f.denominator().doubleValue();
            case SCORE -> f.numerator().doubleValue() / f.denominator().doubleValue();
        };
    }

    private static double ceiling(Measure measure) {
        return measure == Measure.RATIO ? 100 : Double.MAX_VALUE;
    }

    /**
     * The sampling noise of the figure on the log scale, at the office's recent level {@code reference} (in the
     * log scale's own terms: count + 1, share, mean + 1): a count's Poisson noise 1/√(count + 1), at the lower of the
     * level and the figure; a share's binomial
     * noise √((1 − p) / (n·p)) with n the figure's denominator; a mean score's 1/((mean + 1)·√respondents), taking a
     * person's score to vary by about one point.
     */
    static double noise(Measure measure, Figure figure, double reference) {
        return switch (measure) {
            // at the lower of the level and the figure: 0 where 5 is usual is within a small count's noise
            case COUNT -> 1 / Math.sqrt(Math.min(reference, figure.value().doubleValue() + 1));
            case RATIO -> {
                double n = figure.denominator().doubleValue();
                double p = Math.min(1, Math.max(reference, 0.5 / n));
                yield Math.sqrt((1 - p) / (n * p));
            }
            case SCORE -> 1 / (reference * Math.sqrt(figure.denominator().doubleValue()));
        };
    }

    static double median(List<Double> values) {
        double[] sorted = new double[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i);
        }
        return medianOf(sorted);
    }

    /** The median absolute deviation from the median. */
    static double mad(List<Double> values) {
        double median = median(values);
        double[] deviations = new double[values.size()];
        for (int i = 0; i < deviations.length; i++) {
            deviations[i] = Math.abs(values.get(i) - median);
        }
        return medianOf(deviations);
    }

    /** The median of the values (sorted here, in place). */
    private static double medianOf(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static BigDecimal round(double value) {
        // plain (never 1E+2), whole from 100 up, two decimals below
        return new BigDecimal(BigDecimal.valueOf(value).setScale(value >= 100 ? 0 : 2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString());
    }
}
