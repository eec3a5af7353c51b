package no.mrs.reporting.model;

/** A version of a unit, indicator or goal to be saved (the slot's {@code entity_version} row). */
public record EntityVersion(Stamped.Kind kind, String id, Stamped<?> version) {
}
