package no.mrs.reporting.model;

import java.time.Instant;

/** How far a partition has been applied: the next offset to apply, and when the last event happened and was applied. */
public record Position(long nextOffset, Instant eventTime, Instant appliedAt) {
}
