package no.mrs.platform.problem;

import java.util.List;

/**
 * A command the domain refuses, said in domain terms (no HTTP): the kind, a stable code, and the offending field
 * when there is one. Resources answer it as a problem document: INVALID 400, FORBIDDEN 403, NOT_FOUND 404,
 * CONFLICT 409, STALE 412, UNPROCESSABLE 422.
 */
public class Rejection extends RuntimeException {

    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), STALE(412), UNPROCESSABLE(422);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String code;
    private final transient List<FieldError> errors;

    public Rejection(Kind kind, String code, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Rejection invalid(String field, String code, String message) {
        return new Rejection(Kind.INVALID, "validation", message, List.of(new FieldError(field, code, message)));
    }

    public static Rejection notFound(String message) {
        return new Rejection(Kind.NOT_FOUND, "not-found", message, List.of());
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(Kind.CONFLICT, code, message, List.of());
    }

    public static Rejection stale(String message) {
        return new Rejection(Kind.STALE, "stale-version", message, List.of());
    }

    public static Rejection unprocessable(String code, String message) {
        return new Rejection(Kind.UNPROCESSABLE, code, message, List.of());
    }

    public static Rejection forbidden(String message) {
        return new Rejection(Kind.FORBIDDEN, "forbidden", message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        String title = switch (kind) {
            case INVALID -> "Invalid request";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case STALE -> "Precondition failed";
            case UNPROCESSABLE -> "Unprocessable request";
        };
        return Problem.of(kind.status, code, title, getMessage()).withErrors(errors);
    }
}
