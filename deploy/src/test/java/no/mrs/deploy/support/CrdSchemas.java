package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates custom resources against the openAPIV3Schema of the CRDs vendored under {@code deploy/crds/}.
 *
 * <p>The schemas are made strict before use: every object that the CRD does not mark with
 * {@code x-kubernetes-preserve-unknown-fields} gets {@code additionalProperties: false}, so a field
 * the CRD does not define fails instead of being pruned silently by the API server. Kubernetes
 * extensions are translated ({@code x-kubernetes-int-or-string}, {@code nullable}) or dropped (CEL
 * rules in {@code x-kubernetes-validations} are not evaluated). A subtree marked
 * {@code x-mrs-not-vendored} (see crds/README.md) rejects any value.
 */
public final class CrdSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** "group/version/Kind" to its strict schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    public static CrdSchemas load(Path crdDirectory) {
        CrdSchemas crds = new CrdSchemas();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.walk(crdDirectory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Yaml.readAll(file)) {
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean()) {
                            continue;
                        }
                        JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                        ObjectNode strict = strict(openApi);
                        // Metadata is Kubernetes' own; it is checked with the fabric8 ObjectMeta model.
                        ((ObjectNode) strict.path("properties")).set("metadata", NODES.objectNode().put("type", "object"));
                        crds.schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(strict));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crds;
    }

    /** Whether a vendored CRD claims the resource's API group. */
    public boolean knowsGroupOf(JsonNode resource) {
        String group = groupOf(resource);
        return schemas.keySet().stream().anyMatch(key -> key.startsWith(group + "/"));
    }

    public List<String> problems(JsonNode resource) {
        String key = groupOf(resource) + "/" + versionOf(resource) + "/" + Manifests.kind(resource);
        JsonSchema schema = schemas.get(key);
        if (schema == null) {
            return List.of(Manifests.id(resource) + ": no vendored CRD serves " + resource.path("apiVersion").asText()
                    + " " + Manifests.kind(resource));
        }
        Set<ValidationMessage> messages = schema.validate(resource);
        return messages.stream()
                .map(message -> Manifests.id(resource) + ": " + message.getMessage())
                .sorted()
                .toList();
    }

    private static String groupOf(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String versionOf(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** A strict JSON Schema (draft 4) from an OpenAPI v3 structural schema. */
    static ObjectNode strict(JsonNode openApi) {
        if (openApi.path("x-mrs-not-vendored").asBoolean()) {
            ObjectNode rejectAll = NODES.objectNode();
            rejectAll.set("not", NODES.objectNode());
            rejectAll.put("description", "valid in the CRD, but its schema is not vendored in deploy/crds/: vendor it first");
            return rejectAll;
        }
        ObjectNode schema = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = openApi.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            switch (keyword) {
                case "properties" -> {
                    ObjectNode properties = NODES.objectNode();
                    value.fields().forEachRemaining(property -> properties.set(property.getKey(), strict(property.getValue())));
                    schema.set("properties", properties);
                }
                case "items", "not" -> schema.set(keyword, value.isObject() ? strict(value) : value);
                case "additionalProperties" -> schema.set(keyword, value.isObject() ? strict(value) : value);
                case "anyOf", "allOf", "oneOf" -> {
                    ArrayNode alternatives = NODES.arrayNode();
                    value.forEach(alternative -> alternatives.add(strict(alternative)));
                    schema.set(keyword, alternatives);
                }
                case "description", "format", "default", "example", "nullable", "x-mrs-not-vendored" -> {
                    // annotations, or handled below
                }
                default -> {
                    if (!keyword.startsWith("x-kubernetes-")) {
                        schema.set(keyword, value);
                    }
                }
            }
        }
        if (openApi.path("x-kubernetes-int-or-string").asBoolean() && !schema.has("anyOf")) {
            ArrayNode alternatives = NODES.arrayNode();
            alternatives.add(NODES.objectNode().put("type", "integer"));
            alternatives.add(NODES.objectNode().put("type", "string"));
            schema.set("anyOf", alternatives);
        }
        if (openApi.path("nullable").asBoolean() && schema.has("type")) {
            ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        boolean isObject = "object".equals(openApi.path("type").asText()) || openApi.has("properties");
        boolean open = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || openApi.path("x-kubernetes-embedded-resource").asBoolean();
        if (isObject && !open && !openApi.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }
}
