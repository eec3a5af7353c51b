package no.mrs.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event type is documented: a JSON Schema that matches its record, and a line in docs/EVENTS.md. */
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTypeHasASchemaWhosePropertiesAreTheRecordsFieldsAndTheActor() throws Exception {
        assertThat(EventContracts.all()).isNotEmpty();
        for (var entry : EventContracts.all().entrySet()) {
            String type = entry.getKey();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventContracts.schemaResource(type))) {
                assertThat(in).as("schema of " + type).isNotNull();
                JsonNode schema = JSON.readTree(in);
                Set<String> documented = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(documented::add);
                Set<String> fields = new TreeSet<>();
                Arrays.stream(entry.getValue().getRecordComponents()).forEach(c -> fields.add(c.getName()));
                fields.add("actor");
                assertThat(documented).as("properties of the schema of " + type).isEqualTo(fields);
                assertThat(schema.path("additionalProperties").asBoolean(true)).as(type + " is closed").isFalse();
                assertThat(schema.path("$id").asText()).isEqualTo("urn:mrs:event-schema:" + type);
            }
        }
    }

    @Test
    void everyTypeIsListedInTheEventsDocument() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "EVENTS.md"));
        for (String type : EventContracts.all().keySet()) {
            assertThat(doc).as("docs/EVENTS.md lists " + type).contains("`" + type + "`");
        }
    }

    @Test
    void typesAreNamedByServiceAggregateAndVersion() {
        for (String type : EventContracts.all().keySet()) {
            assertThat(type).matches("no\\.mrs\\.(goal|result)\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*");
        }
    }
}
