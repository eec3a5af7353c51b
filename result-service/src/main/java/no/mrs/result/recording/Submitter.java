package no.mrs.result.recording;

import no.mrs.contracts.result.SubmitterKind;

import java.util.Set;

/**
 * Who submits: the actor stored with every event, whether they may correct a locked month (leader, directorate),
 * and the units they may report for ({@code null}: no unit restriction — a Kafka producer, whom the broker's ACLs
 * admitted), and whether a system or a person submits (the events say so).
 */
public record Submitter(String actor, boolean mayCorrectLockedPeriods, Set<String> scope, SubmitterKind kind) {

    public Submitter {
        scope = scope == null ? null : Set.copyOf(scope);
    }

    /** A person's submission. */
    public Submitter(String actor, boolean mayCorrectLockedPeriods, Set<String> scope) {
        this(actor, mayCorrectLockedPeriods, scope, SubmitterKind.PERSON);
    }

    public static Submitter system(String systemId) {
        return new Submitter(systemId, false, null, SubmitterKind.SYSTEM);
    }

    public boolean unrestricted() {
        return scope == null;
    }
}
