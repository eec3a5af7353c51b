package no.mrs.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.mrs.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem document in
 * every service. Quarkus refuses it too, but with an empty plain 413; this route runs just before that one (order
 * -2), answers from the {@code Content-Length} header alone, without reading the body, and closes the connection.
 * A chunked body (no {@code Content-Length}) that grows over the limit is still cut off by Quarkus with a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Quarkus's own check runs at order -2. */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(ORDER).handler(context -> check(context, limit));
    }

    private void check(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit) {
            refuse(context, limit);
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: the HTTP codec refuses a malformed Content-Length
        }
    }

    private void refuse(RoutingContext context, long limit) {
        Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + limit + " bytes, the most this service accepts")
                .with("maxBodyBytes", limit).withInstance(context.normalizedPath());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // the rest of the body is not read: the connection cannot be used again
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }
}
