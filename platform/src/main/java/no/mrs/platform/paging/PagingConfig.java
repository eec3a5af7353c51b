package no.mrs.platform.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of the list endpoints (docs/PAGING.md). */
@ConfigMapping(prefix = "mrs.paging")
public interface PagingConfig {

    /** Items on a page when the client sends no {@code limit}. */
    @WithDefault("100")
    int defaultLimit();

    /** The largest {@code limit} a client may ask for; more is a 400. */
    @WithDefault("1000")
    int maxLimit();
}
