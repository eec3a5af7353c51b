package no.mrs.reporting.figures;

import no.mrs.contracts.goal.Measure;
import no.mrs.reporting.model.Result;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The sums behind a figure: numerators and denominators (RATIO, SCORE) or values (COUNT) of the office results
 * that count, and in how many months there was any. Immutable; {@link #plus} combines months or units.
 */
public record Sums(BigDecimal numerator, BigDecimal denominator, BigDecimal value, int cells, int months) {

    public static final Sums NONE = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Adds one office result, if it carries what the measure needs. */
    public Sums plus(Result result, Measure measure) {
        if (measure == Measure.COUNT) {
            BigDecimal v = result.value() != null ? result.value() : result.numerator();
            return v == null ? this : new Sums(numerator, denominator, value.add(v), cells + 1, months);
        }
        if (result.numerator() == null || result.denominator() == null) {
            return this;
        }
        return new Sums(numerator.add(result.numerator()), denominator.add(result.denominator()), value, cells + 1,
                months);
    }

    /** Combines the sums of two months (or two sets of units). */
    public Sums plus(Sums other) {
        return new Sums(numerator.add(other.numerator), denominator.add(other.denominator), value.add(other.value),
                cells + other.cells, months + other.months);
    }

    /** The same sums, counted as one month with data (when any cell counted). */
    public Sums asMonth() {
        return new Sums(numerator, denominator, value, cells, cells > 0 ? 1 : 0);
    }

    public boolean isEmpty() {
        return cells == 0;
    }

    /**
     * The figure: RATIO 100 × Σnumerator / Σdenominator, SCORE Σnumerator / Σdenominator (respondent-weighted),
     * COUNT Σvalue; null when nothing counted (or every denominator was 0). Full precision (16 digits).
     */
    public BigDecimal figure(Measure measure) {
        if (cells == 0) {
            return null;
        }
        if (measure == Measure.COUNT) {
            return value;
        }
        if (denominator.signum() == 0) {
            return null;
        }
        BigDecimal ratio = numerator.divide(denominator, MathContext.DECIMAL64);
        return measure == Measure.RATIO ? ratio.multiply(HUNDRED, MathContext.DECIMAL64) : ratio;
    }

    /** The figure of an average month: COUNT Σvalue / months with data; RATIO and SCORE as {@link #figure}. */
    public BigDecimal monthlyLevel(Measure measure) {
        if (measure != Measure.COUNT || cells == 0 || months <= 1) {
            return figure(measure);
        }
        return value.divide(BigDecimal.valueOf(months), MathContext.DECIMAL64);
    }

    public BigDecimal numeratorOrNull() {
        return cells == 0 ? null : numerator;
    }

    public BigDecimal denominatorOrNull() {
        return cells == 0 ? null : denominator;
    }
}
