package no.mrs.reporting.series;

import com.fasterxml.jackson.annotation.JsonInclude;
import no.mrs.reporting.scorecard.Scorecard;

import java.time.Instant;
import java.util.List;

/**
 * One month of a unit's series. {@code numerator}/{@code denominator} are the sums (null for COUNT), {@code target}
 * the target of the goal in force that month, {@code comment} the office's comment (offices only), {@code outlier}
 * the outlier check's mark on the office's figure until a leader confirms it or it is corrected (offices only).
 * {@code comments} are every comment on the figure and on the figures it is summed from: the unit's own (a region's
 * or the nation's comments on its figure, with author and time; an office's comment with its result), then those of
 * the units below it that month (regions, offices), by unit number.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
        String comment, Scorecard.OutlierMark outlier, List<Comment> comments) {

    public SeriesPoint {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** A point without an outlier mark or comments of its own. */
    public SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
            String comment) {
        this(period, value, numerator, denominator, target, comment, null, List.of());
    }

    /** A point with an outlier mark (or none), without comments. */
    public SeriesPoint(String period, Double value, Double numerator, Double denominator, Double target,
            String comment, Scorecard.OutlierMark outlier) {
        this(period, value, numerator, denominator, target, comment, outlier, List.of());
    }

    /**
     * A comment on a figure: whose figure ({@code unitId}, {@code unitName}), the text, and for a region's or the
     * nation's comment who wrote it and when ({@code author}, {@code at}; null for an office's comment, which
     * travels with its result).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Comment(String unitId, String unitName, String comment, String author, Instant at) {

        /** As one spreadsheet cell's part: "0300 Nav Oslo (leder-oslo, 2021-07-01T10:00:00Z): text". */
        public String asText() {
            String who = author == null ? "" : " (" + author + (at == null ? "" : ", " + at) + ")";
            return unitId + " " + (unitName == null ? "" : unitName) + who + ": " + comment;
        }
    }
}
