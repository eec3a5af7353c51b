package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

@EventType(name = "no.mrs.goal.UnitRenamed", version = 1)
public record UnitRenamed(String unitId, String name, String previousName) implements UnitEvent {
}
