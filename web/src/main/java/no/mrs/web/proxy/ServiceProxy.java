package no.mrs.web.proxy;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * The backend-for-frontend: {@code /api/goal/...}, {@code /api/result/...} and {@code /api/reporting/...} are
 * forwarded to the service's {@code /api/...} with the logged-in person's access token as the bearer token. The
 * services decide what the person may do, exactly as for any other caller; the browser never holds a token.
 * Changing calls pass the CSRF check first (quarkus-rest-csrf, header {@code X-CSRF-TOKEN}).
 */
@Path("/api/{service: goal|result|reporting}")
@Authenticated
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Request headers the services need; everything else (cookies above all) stays here. */
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of("Content-Type", "Accept", "If-Match",
            "If-None-Match", "Idempotency-Key");
    private static final List<String> FORWARDED_RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Retry-After",
            "Content-Disposition", "Cache-Control");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    ServicesConfig services;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("service") String service, @PathParam("path") String path) {
        return forward("GET", service, path, null);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("service") String service, @PathParam("path") String path, byte[] body) {
        return forward("POST", service, path, body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("service") String service, @PathParam("path") String path, byte[] body) {
        return forward("PUT", service, path, body);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@PathParam("service") String service, @PathParam("path") String path, byte[] body) {
        return forward("PATCH", service, path, body);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path) {
        return forward("DELETE", service, path, null);
    }

    private Response forward(String method, String service, String path, byte[] body) {
        URI base = base(service);
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(base.toString().replaceAll("/$", "") + "/api/" + rawPath(service)
                + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(services.timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.header("Authorization", "Bearer " + token.getToken());
        }
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
            Map<String, List<String>> answered = answer.headers().map();
            for (String name : FORWARDED_RESPONSE_HEADERS) {
                answer.headers().firstValue(name).ifPresent(v -> response.header(name, v));
            }
            answer.headers().firstValue("Location").ifPresent(v -> response.header("Location", rewrite(v, base, service)));
            for (String link : answered.getOrDefault("link", List.of())) {
                response.header("Link", rewrite(link, base, service));
            }
            return response.build();
        } catch (HttpTimeoutException e) {
            LOG.warnf("%s %s: no answer within %s", method, target, services.timeout());
            return Unavailable.problem(service, 504, "timeout");
        } catch (IOException e) {
            LOG.warnf("%s %s: %s", method, target, e.toString());
            return Unavailable.problem(service, 502, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Unavailable.problem(service, 503, "interrupted");
        }
    }

    /** The path after /api/{service}/, exactly as the browser sent it (still percent-encoded). */
    private String rawPath(String service) {
        String raw = uri.getRequestUri().getRawPath();
        String prefix = "/api/" + service + "/";
        int at = raw.indexOf(prefix);
        return at < 0 ? "" : raw.substring(at + prefix.length());
    }

    private URI base(String service) {
        return switch (service) {
            case "goal" -> services.goal();
            case "result" -> services.result();
            case "reporting" -> services.reporting();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** A service's own address in a Location or Link header becomes the web app's forwarding path. */
    static String rewrite(String value, URI base, String service) {
        String absolute = base.toString().replaceAll("/$", "") + "/api/";
        return value.replace(absolute, "/api/" + service + "/")
                .replaceAll("(^|<)/api/(?!(goal|result|reporting)/)", "$1/api/" + service + "/");
    }
}
