package no.mrs.reporting.model;

import java.time.Instant;

/**
 * When and by whom an office's figure was first reported: {@code at} is when result-service received it,
 * {@code by} the submitter (a person's token subject or a system's id), {@code kind} {@code SYSTEM} or
 * {@code PERSON} (null for events published before result-service said so). Not kept in memory: it travels with
 * a change to the slot's result table, and the reporting status reads it from there.
 */
public record Reported(Instant at, String by, String kind) {
}
