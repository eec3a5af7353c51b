package no.mrs.contracts.result;

/**
 * Who submitted a result: a reporting {@code SYSTEM} (a record on {@code mrs.result-submissions}, or a REST caller
 * whose token has the role {@code reporter} and no role of a person) or a {@code PERSON}.
 */
public enum SubmitterKind {
    SYSTEM, PERSON
}
