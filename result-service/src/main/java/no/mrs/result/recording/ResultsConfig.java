package no.mrs.result.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "mrs.results")
public interface ResultsConfig {

    /** Items one REST submission may hold; more is answered with 413. */
    @WithDefault("10000")
    int maxBatchItems();

    /** The time zone that decides which month is the current one. */
    @WithDefault("Europe/Oslo")
    ZoneId zone();

    /** How often a batch is judged again when a concurrent batch wrote the same result first. */
    @WithDefault("5")
    int maxAttempts();
}
