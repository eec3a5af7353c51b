package no.mrs.reporting.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mrs.reporting")
public interface ReportingConfig {

    /**
     * Whether the read endpoints (scorecards, series, comparisons, units, periods, status) answer without a token.
     * Off by default: reads need a token with any role. On only in the {@code local} profile of {@code ./mrs up},
     * so that the API can be tried without a token. Admin endpoints always need the directorate.
     */
    @WithDefault("false")
    boolean openReads();

    /**
     * The web app's address (scheme, host and port, e.g. {@code https://mrs.example.no}): where the old dashboard
     * address ({@code /}) sends people, to the Målekort view.
     */
    @WithDefault("http://localhost:8080")
    String webAppUrl();

    /** The replicas' settings (reporting-service/README.md, "Replicas"). */
    Replica replica();

    /** When a replica is ready for reads. */
    Readiness readiness();

    interface Replica {
        /** How often a replica contends for the lead (or checks it), follows a switch, forgets saved changes. */
        @WithDefault("1s")
        java.time.Duration pollInterval();
    }

    interface Readiness {
        /** Readiness is UP once the replica, after starting, has caught up with the topics to within this lag. */
        @WithDefault("0")
        long maxLag();

        /**
         * How long a read that arrives while the read model is still loading (after a start) waits for it before it
         * is answered 503 with {@code Retry-After}; a read never sees a model loaded in part.
         */
        @WithDefault("3s")
        java.time.Duration loadWait();
    }
}
