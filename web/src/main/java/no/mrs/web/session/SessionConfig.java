package no.mrs.web.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "mrs.web.session")
public interface SessionConfig {

    /** How long a login's tokens are kept on the server at most (the refresh token may end it sooner). */
    @WithDefault("12h")
    Duration maxAge();
}
