package no.mrs.web.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who is logged in, for the front end: name, roles and units as the access token carries them (the services decide
 * on the same claims), and the CSRF token that every changing call must send in {@code X-CSRF-TOKEN}. The tokens
 * themselves stay on the server.
 */
@Path("/api/session")
@Authenticated
public class SessionResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    CsrfTokenParameterProvider csrf;

    public record Session(String subject, String name, List<String> roles, List<String> units, String csrfToken,
            String csrfHeader) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Session session() {
        JsonNode claims = accessTokenClaims();
        String name = idToken.getClaim("name") != null ? idToken.getClaim("name").toString() : idToken.getSubject();
        return new Session(idToken.getSubject(), name, List.copyOf(new java.util.TreeSet<>(identity.getRoles())),
                strings(claims.path("units")), csrf.getToken(), csrf.getHeaderName());
    }

    private JsonNode accessTokenClaims() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return JSON.createObjectNode();
        }
        String[] parts = credential.getToken().split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }
}
