package no.mrs.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "mrs.events")
public interface EventsConfig {

    /** The topic this service publishes its events to; none for a service that only consumes. */
    Optional<String> topic();

    /** The CloudEvents {@code source} of this service's events. */
    String source();

    Outbox outbox();

    interface Outbox {
        /** Whether this instance runs the relay (only one instance per database publishes at a time). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Events published per round trip at most: read from the log, sent, acknowledged by the broker, the position
         * stored, before the next. A backlog (a burst of batches on a full machine) goes out in fewer round trips,
         * each one's fixed waits shared by more events; a quiet log's few events go out at once as before.
         */
        @WithDefault("5000")
        int batchSize();

        /** How long an idle relay waits before looking again (commits wake it earlier). */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        /** How long to wait after a failure before trying again. */
        @WithDefault("PT1S")
        Duration retryBackoff();
    }
}
