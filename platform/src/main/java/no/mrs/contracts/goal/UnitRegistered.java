package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/** A unit joined the organisation. {@code parentId} is null only for the national unit. */
@EventType(name = "no.mrs.goal.UnitRegistered", version = 1)
public record UnitRegistered(String unitId, String name, UnitLevel level, String parentId) implements UnitEvent {
}
