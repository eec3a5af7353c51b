package no.mrs.goal.unit;

import no.mrs.contracts.goal.UnitLevel;

import java.util.List;

/** A unit as the API shows it; {@code parentId} and {@code children} as of the requested month (default: now). */
public record UnitView(String unitId, String name, UnitLevel level, String parentId, List<String> children,
        long version) {
}
