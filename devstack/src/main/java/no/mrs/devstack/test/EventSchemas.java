package no.mrs.devstack.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks published events against their documented JSON Schemas ({@code events/schemas/} in mrs-platform): the
 * CloudEvents envelope, then the data against the schema of its type.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The problems found; empty when the event is valid. */
    public static List<String> validate(String cloudEventJson) {
        List<String> problems = new ArrayList<>();
        JsonNode event;
        try {
            event = MAPPER.readTree(cloudEventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        for (ValidationMessage message : schema("cloudevent").validate(event)) {
            problems.add("envelope: " + message.getMessage());
        }
        String type = event.path("type").asText();
        JsonSchema dataSchema = schemaOrNull(type);
        if (dataSchema == null) {
            problems.add("no schema documented for type " + type);
        } else {
            for (ValidationMessage message : dataSchema.validate(event.path("data"))) {
                problems.add(type + ": " + message.getMessage());
            }
        }
        return problems;
    }

    public static void assertValid(String cloudEventJson) {
        List<String> problems = validate(cloudEventJson);
        if (!problems.isEmpty()) {
            throw new AssertionError("Event does not match its schema: " + problems + "\n" + cloudEventJson);
        }
    }

    /** Whether a schema is documented for the type. */
    public static boolean documented(String type) {
        return schemaOrNull(type) != null;
    }

    private static JsonSchema schema(String name) {
        JsonSchema schema = schemaOrNull(name);
        if (schema == null) {
            throw new IllegalStateException("No schema events/schemas/" + name + ".json on the classpath");
        }
        return schema;
    }

    private static JsonSchema schemaOrNull(String name) {
        JsonSchema cached = SCHEMAS.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("events/schemas/" + name + ".json")) {
            if (in == null) {
                return null;
            }
            JsonSchema schema = FACTORY.getSchema(in);
            SCHEMAS.put(name, schema);
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException("Reading schema " + name + " failed", e);
        }
    }
}
