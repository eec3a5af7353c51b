package no.mrs.devstack.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The standard for every service's OpenAPI document, checked against the running service's {@code /q/openapi}: a
 * client can be generated from it. Servers and the license are filled in; every operation has a unique
 * operationId; every {@code /api} operation names the security requirement of a declared scheme and documents 401
 * and 403; every operation documents its error responses as {@code application/problem+json} (400 where it takes
 * input, 404 where the path names a resource, 503 always) and a success response.
 */
public final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private OpenApiDocument() {
    }

    /** Fetches the document of the service under test and asserts the standard, listing every shortfall at once. */
    public static JsonNode assertComplete() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(doc.at("/info/license/name").asText()).as("info.license.name").isNotBlank();
        soft.assertThat(doc.at("/info/license/url").asText()).as("info.license.url").isNotBlank();
        soft.assertThat(doc.at("/info/version").asText()).as("info.version").isNotBlank();
        soft.assertThat(doc.path("servers").size()).as("servers").isPositive();
        for (JsonNode server : doc.path("servers")) {
            soft.assertThat(server.path("url").asText()).as("servers[].url").isNotBlank();
        }
        Set<String> schemes = new HashSet<>();
        doc.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                String id = op.path("operationId").asText();
                soft.assertThat(id).as(where + " operationId").isNotBlank();
                soft.assertThat(operationIds.add(id)).as(where + " operationId " + id + " is unique").isTrue();
                JsonNode responses = op.path("responses");
                boolean success = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    success |= code.startsWith("2") || code.startsWith("3");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        soft.assertThat(responses.path(code).path("content").has(PROBLEM))
                                .as(where + " " + code + " is a problem document").isTrue();
                    }
                }
                soft.assertThat(success).as(where + " documents its success response").isTrue();
                soft.assertThat(responses.has("503")).as(where + " documents 503").isTrue();
                boolean input = op.has("requestBody") || op.path("parameters").size() > 0
                        || path.getValue().path("parameters").size() > 0;
                if (input) {
                    soft.assertThat(responses.has("400")).as(where + " takes input: documents 400").isTrue();
                }
                if (path.getKey().contains("{")) {
                    soft.assertThat(responses.has("404")).as(where + " names a resource: documents 404").isTrue();
                }
                if (path.getKey().startsWith("/api")) {
                    boolean secured = false;
                    for (JsonNode requirement : op.path("security")) {
                        for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                            String name = names.next();
                            soft.assertThat(schemes).as(where + " security scheme " + name + " is declared")
                                    .contains(name);
                            secured = true;
                        }
                    }
                    soft.assertThat(secured).as(where + " names its security requirement").isTrue();
                    soft.assertThat(responses.has("401") && responses.has("403")).as(where + " documents 401 and 403")
                            .isTrue();
                }
            }
        }
        soft.assertThat(operations).as("operations").isPositive();
        soft.assertAll();
        return doc;
    }
}
