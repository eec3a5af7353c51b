package no.mrs.platform.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/**
 * Page sizes and cursors of the list endpoints (docs/PAGING.md): {@code limit} (default and maximum configured by
 * {@link PagingConfig}) and {@code after} (a cursor from the previous page). The body stays the plain JSON array it
 * always was; a {@code Link: <...>; rel="next"} header (RFC 8288) says where the rest is.
 */
@ApplicationScoped
public class Paging {

    public static final String LIMIT = "limit";

    @Inject
    PagingConfig config;

    public Paging() {
    }

    Paging(PagingConfig config) {
        this.config = config;
    }

    /** The request's {@code limit} and {@code after}, validated: a 400 naming the parameter otherwise. */
    public PageRequest request(String limit, String after) {
        if (after != null) {
            Cursor.decode(after); // that it is a cursor at all; each endpoint checks the parts of its own key
        }
        return new PageRequest(limit(limit), after);
    }

    private int limit(String text) {
        if (text == null) {
            // a default configured above the maximum would hand out pages nobody may ask for: the maximum wins
            return Math.min(config.defaultLimit(), config.maxLimit());
        }
        if (!text.matches("[+-]?\\d{1,100}")) {
            throw ProblemException.badRequest("limit must be a whole number",
                    new FieldError(LIMIT, "invalid-type", "must be a whole number from 1 to " + config.maxLimit()));
        }
        java.math.BigInteger value = new java.math.BigInteger(text);
        if (value.signum() < 1 || value.compareTo(java.math.BigInteger.valueOf(config.maxLimit())) > 0) {
            throw outOfRange();
        }
        return value.intValueExact();
    }

    private ProblemException outOfRange() {
        return ProblemException.badRequest("limit must be from 1 to " + config.maxLimit(),
                new FieldError(LIMIT, "out-of-range", "must be from 1 to " + config.maxLimit()));
    }

    /** 200 with the page's items as the body and, when more remain, a {@code Link} to the next page. */
    public <T> RestResponse<List<T>> ok(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(page.items());
        if (page.next() != null) {
            response.header("Link", "<" + nextLink(uri, page.next()) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** The same request (path and every other parameter) with the next cursor; path-absolute, so proxies keep it. */
    static String nextLink(UriInfo uri, String next) {
        URI link = uri.getRequestUriBuilder().replaceQueryParam(Cursor.PARAMETER, next).build();
        return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }
}
