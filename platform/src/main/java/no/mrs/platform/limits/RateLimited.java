package no.mrs.platform.limits;

import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;

import java.util.Map;

/** The 429 answer to a caller over its rate: {@code rate-limited}, with {@code Retry-After} in seconds. */
public final class RateLimited {

    public static final String SLUG = "rate-limited";

    private RateLimited() {
    }

    /** @param waitNanos what {@link RateLimiter#tryAcquire} answered */
    public static ProblemException problem(long waitNanos, String detail) {
        long seconds = RateLimiter.retryAfterSeconds(waitNanos);
        return new ProblemException(Problem.of(429, SLUG, "Too many requests", detail).with("retryAfterSeconds", seconds),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
