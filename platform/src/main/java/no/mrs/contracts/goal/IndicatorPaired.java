package no.mrs.contracts.goal;

import no.mrs.contracts.EventType;

/**
 * The directorate paired an activity indicator with the outcome indicator it is meant to serve (B.45 → B.15), or
 * removed the pairing ({@code pairedOutcome} null). Reporting flags goal displacement on the pair: the activity
 * rising while its outcome falls. A type of its own, so that IndicatorDefined/IndicatorRedefined v1 stay as they are.
 */
@EventType(name = "no.mrs.goal.IndicatorPaired", version = 1)
public record IndicatorPaired(String indicatorId, String pairedOutcome) implements IndicatorEvent {
}
