package no.mrs.platform.problem;

/** One offending field of a request: where ({@code field}), a stable machine code, and a message for people. */
public record FieldError(String field, String code, String message) {
}
