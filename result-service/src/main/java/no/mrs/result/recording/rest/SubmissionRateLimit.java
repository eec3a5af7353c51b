package no.mrs.result.recording.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.limits.RateLimited;
import no.mrs.platform.limits.RateLimiter;

/**
 * Result submissions over REST per caller (token subject): a token bucket of {@code burst} requests refilled at
 * {@code requests-per-second}, in this replica's memory. Counted in requests, not items: the batch limit already
 * bounds the items of one request. Over the rate: 429 {@code rate-limited} with {@code Retry-After}, nothing read.
 */
@Startup
@ApplicationScoped
public class SubmissionRateLimit {

    @ConfigMapping(prefix = "mrs.limits.submissions.per-caller")
    public interface Config {

        /** false: no limit at all. */
        @WithDefault("true")
        boolean enabled();

        /** The sustained rate: requests per second a caller gets back. */
        @WithDefault("500")
        double requestsPerSecond();

        /** Requests a caller may send at once after being idle. */
        @WithDefault("1000")
        int burst();
    }

    private final RateLimiter limiter;
    private final Counter refused;

    /** Also registers {@code mrs_requests_rate_limited_total} (deploy/'s rate-limited-callers alert). */
    @Inject
    public SubmissionRateLimit(Config config, MeterRegistry registry) {
        this.limiter = config.enabled() ? new RateLimiter(config.requestsPerSecond(), config.burst()) : null;
        this.refused = Counter.builder("mrs.requests.rate.limited").tag("endpoint", "results")
                .description("Requests refused with 429 because the caller exceeded its rate").register(registry);
    }

    /** Takes one request of the caller's allowance, or throws the 429 problem. */
    void take(String caller) {
        if (limiter == null) {
            return;
        }
        long wait = limiter.tryAcquire(caller == null ? "" : caller);
        if (wait > 0) {
            refused.increment();
            throw RateLimited.problem(wait,
                    "Too many submissions from you; wait for Retry-After seconds, or send fewer and larger batches");
        }
    }
}
