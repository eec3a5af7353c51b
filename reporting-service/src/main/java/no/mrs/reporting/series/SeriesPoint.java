package no.mrs.reporting.series;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One month of a unit's series. {@code numerator}/{@code denominator} are the sums (null for COUNT), {@code target}
 * the target of the goal in force that month, {@code comment} the office's comment (offices only).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
        String comment) {
}
