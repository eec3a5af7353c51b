package no.mrs.web.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where the services are; the web app forwards {@code /api/<service>/...} to {@code <url>/api/...}. */
@ConfigMapping(prefix = "mrs.web.services")
public interface ServicesConfig {

    URI goal();

    URI result();

    URI reporting();

    /** How long a forwarded call may take before the person is told the service does not answer. */
    @WithDefault("30s")
    Duration timeout();
}
