package no.mrs.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services and resources to answer with a problem document. Carries everything the client is allowed
 * to see; never a stack trace or SQL.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String detail, FieldError... errors) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail).withErrors(List.of(errors)));
    }

    public static ProblemException validation(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "stale-version", "Precondition failed", detail));
    }
}
