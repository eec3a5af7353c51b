package no.mrs.platform.security;

import java.util.Optional;

/**
 * The organisation as a service currently knows it. goal-service owns it; the other services learn it from
 * {@code mrs.goal-events}. Used to decide whether a caller's unit covers another unit.
 */
public interface UnitTree {

    /** The unit's current parent, empty for the national unit or an unknown unit. */
    Optional<String> parentOf(String unitId);
}
