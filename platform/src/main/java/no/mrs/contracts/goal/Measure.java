package no.mrs.contracts.goal;

/** How an indicator is measured and aggregated. */
public enum Measure {
    /** numerator / denominator, shown as a percentage; aggregated by summing both. */
    RATIO,
    /** a whole number, summed. */
    COUNT,
    /** a survey mean: numerator = sum of scores, denominator = respondents; respondent-weighted. */
    SCORE
}
