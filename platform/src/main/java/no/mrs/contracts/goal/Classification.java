package no.mrs.contracts.goal;

/** A STEERING goal has a target and counts against the goal budget; a MONITORING one is followed as a statistic. */
public enum Classification {
    STEERING, MONITORING
}
