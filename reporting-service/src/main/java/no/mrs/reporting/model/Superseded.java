package no.mrs.reporting.model;

/**
 * An earlier version of an office figure, as the model held it until a later event replaced it: {@code result}
 * carries the time it became known ({@link Result#knownFrom()}); {@code change} and {@code reason} say what replaced
 * it (a correction with its reason, or a leader's confirmation of its outlier mark); {@code seq} orders a figure's
 * superseded versions, oldest first: on its way to the slot the version of its stream less one (so a live model
 * and a rebuild's number alike), read from the model its position from 0.
 */
public record Superseded(Result result, Change change, String reason, int seq) {

    /** What replaced a version. */
    public enum Change {
        /** A ResultCorrected (or a second ResultRecorded) with a new figure. */
        CORRECTION,
        /** A leader's OutlierConfirmed: the same figure, no longer marked. */
        CONFIRMATION
    }
}
