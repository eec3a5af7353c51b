package no.mrs.result.recording;

import no.mrs.contracts.result.SubmitterKind;

import java.util.Set;

/**
 * Who submits: the actor stored with every event, whether they may correct a locked month (leader, directorate),
 * and the units they may report for ({@code null}: no unit restriction — a Kafka producer where the
 * system scopes are switched off), and whether a system or a person submits (the events say so).
 */
public record Submitter(String actor, boolean mayCorrectLockedPeriods, Set<String> scope, SubmitterKind kind) {

    public Submitter {
        scope = scope == null ? null : Set.copyOf(scope);
    }

    /** A person's submission. */
    public Submitter(String actor, boolean mayCorrectLockedPeriods, Set<String> scope) {
        this(actor, mayCorrectLockedPeriods, scope, SubmitterKind.PERSON);
    }

    /** A system whose units nobody restricts (scoping switched off). */
    public static Submitter system(String systemId) {
        return new Submitter(systemId, false, null, SubmitterKind.SYSTEM);
    }

    /** A system that may submit for the units of {@code scope} and their subtrees. */
    public static Submitter system(String systemId, Set<String> scope) {
        return new Submitter(systemId, false, scope, SubmitterKind.SYSTEM);
    }

    public boolean unrestricted() {
        return scope == null;
    }
}
