package no.mrs.result.recording;

import java.util.Set;

/**
 * Who submits: the actor stored with every event, whether they may correct a locked month (leader, directorate),
 * and the units they may report for ({@code null}: no unit restriction — a Kafka producer, whom the broker's ACLs
 * admitted).
 */
public record Submitter(String actor, boolean mayCorrectLockedPeriods, Set<String> scope) {

    public Submitter {
        scope = scope == null ? null : Set.copyOf(scope);
    }

    public static Submitter system(String systemId) {
        return new Submitter(systemId, false, null);
    }

    public boolean unrestricted() {
        return scope == null;
    }
}
