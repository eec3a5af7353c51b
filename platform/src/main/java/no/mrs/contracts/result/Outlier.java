package no.mrs.contracts.result;

import java.math.BigDecimal;

/**
 * The warning that a submitted figure departs strongly from the office's own history (result-service's outlier
 * check): {@code figure} is what was checked and {@code expectedLow}..{@code expectedHigh} the range the office's
 * history made expected, both in the scorecard's terms — a RATIO as a percentage, a COUNT as the count, a SCORE as
 * the mean score. The figure was accepted; the warning asks a leader to confirm it (or correct it).
 */
public record Outlier(BigDecimal figure, BigDecimal expectedLow, BigDecimal expectedHigh) {
}
