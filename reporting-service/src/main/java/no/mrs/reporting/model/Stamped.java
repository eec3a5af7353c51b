package no.mrs.reporting.model;

/**
 * One version of a unit, indicator or goal as the model knew it from {@code knownFrom} (epoch milliseconds of the
 * event that made it; {@link Result#ALWAYS} without one) until the next version; {@code seq} counts from 0.
 */
public record Stamped<T>(long knownFrom, T value, int seq) {

    /** Kinds of versioned things, as the slot names them. */
    public enum Kind {
        UNIT, INDICATOR, GOAL
    }
}
