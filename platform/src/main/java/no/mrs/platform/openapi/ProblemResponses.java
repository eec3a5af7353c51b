package no.mrs.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;
import java.util.Map;

/**
 * Completes every operation of a service's OpenAPI document with what the platform guarantees, so that clients
 * can be generated from it: the JWT security requirement on every {@code /api} operation (production always wants
 * a token, even where a local profile opens reads), and the RFC 9457 error responses the platform's mappers give —
 * 400 where there is input, 401 and 403 where there is a token, 404 where the path names a resource, 503 when the
 * database or broker is away — each as {@code application/problem+json} with the {@code Problem} schema. Responses an
 * operation documents itself are left as they are. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    /** The name Quarkus gives the scheme of {@code quarkus.smallrye-openapi.security-scheme}. */
    public static final String SECURITY_SCHEME = "SecurityScheme";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid request: a parameter or the body is malformed or breaks a rule; `errors` names the fields",
            "401", "No token, or one that is expired, foreign-signed or otherwise not trusted",
            "403", "The caller's roles or units do not allow this",
            "404", "No such resource",
            "503", "A dependency (database or message broker) cannot be reached at the moment; try again after"
                    + " Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(path, item, entry.getValue());
            }
        });
    }

    private static void complete(String path, PathItem item, Operation operation) {
        boolean api = path.startsWith("/api/") || path.equals("/api");
        if (api && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean input = operation.getRequestBody() != null || hasParameters(operation) || hasParameters(item);
        if (input) {
            addIfMissing(responses, "400");
        }
        if (secured(operation)) {
            addIfMissing(responses, "401");
            addIfMissing(responses, "403");
        }
        if (path.contains("{")) {
            addIfMissing(responses, "404");
        }
        addIfMissing(responses, "503");
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static boolean hasParameters(PathItem item) {
        return item.getParameters() != null && !item.getParameters().isEmpty();
    }

    private static boolean secured(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security != null && security.stream().anyMatch(s -> s.getSchemes() != null && !s.getSchemes().isEmpty());
    }

    /** Adds the response, or its problem content where Quarkus added the status without a body (401, 403, 400). */
    private static void addIfMissing(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null) {
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status))
                .content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One offending field: where, a stable code, a message for people")
                .addProperty("field", text).addProperty("code", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; type is urn:mrs:problem:<slug> (docs/PROBLEMS.md)")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
