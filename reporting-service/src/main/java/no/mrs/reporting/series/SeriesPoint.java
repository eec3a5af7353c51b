package no.mrs.reporting.series;

import com.fasterxml.jackson.annotation.JsonInclude;
import no.mrs.reporting.scorecard.Scorecard;

/**
 * One month of a unit's series. {@code numerator}/{@code denominator} are the sums (null for COUNT), {@code target}
 * the target of the goal in force that month, {@code comment} the office's comment (offices only), {@code outlier}
 * the outlier check's mark on the office's figure until a leader confirms it or it is corrected (offices only).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
        String comment, Scorecard.OutlierMark outlier) {

    /** A point without an outlier mark. */
    public SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
            String comment) {
        this(period, value, numerator, denominator, target, comment, null);
    }
}
