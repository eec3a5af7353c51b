package no.mrs.web.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/**
 * Every changing call must carry the CSRF token header. quarkus-rest-csrf checks the header against the session's
 * CSRF cookie when it is there, but lets a non-form request without it through; a cross-site page can send a
 * text/plain POST without any header, so here the header is required, whatever the body.
 */
public class CsrfHeaderRequired {

    static final String HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response requireHeader(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString(HEADER) != null) {
            return null;
        }
        return Response.status(403).type("application/problem+json").entity(Map.of(
                "type", "urn:mrs:problem:csrf",
                "title", "Missing CSRF token",
                "status", 403,
                "detail", "A changing call needs the " + HEADER + " header from GET /api/session")).build();
    }
}
