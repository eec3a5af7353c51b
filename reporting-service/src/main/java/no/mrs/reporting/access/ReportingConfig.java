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
}
