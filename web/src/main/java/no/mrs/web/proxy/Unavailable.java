package no.mrs.web.proxy;

import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** The web app's own problem document when a service does not answer (RFC 9457; the front end words it in Norwegian). */
final class Unavailable {

    private Unavailable() {
    }

    static Response problem(String service, int status, String reason) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:mrs:problem:service-unavailable");
        problem.put("title", "The " + service + " service did not answer");
        problem.put("status", status);
        problem.put("detail", service + "-service: " + reason);
        problem.put("service", service);
        return Response.status(status).type("application/problem+json").entity(problem).header("Retry-After", "5")
                .build();
    }
}
