package no.mrs.result.recording.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.Problem;
import no.mrs.platform.problem.ProblemException;
import no.mrs.result.recording.ItemParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON submission {@code {"results":[...]}}. The envelope must be right (else 400); each item is read
 * leniently so that one bad item is rejected on its own.
 */
final class JsonResults {

    private JsonResults() {
    }

    static ObjectReader reader(ObjectMapper mapper) {
        // exact decimals: 0.1 must not become 0.1000000000000000055
        return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    static List<ItemParser.Parsed> read(ObjectReader reader, byte[] body, int maxItems) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "The body is not valid JSON"));
        }
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed request body",
                    "The body must be an object with an array \"results\""));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!"results".equals(name)) {
                throw ProblemException.badRequest("Unknown property '" + name + "'",
                        new FieldError(name, "unknown-property", "is not a property of this request"));
            }
        }
        JsonNode items = root.get("results");
        if (items.size() > maxItems) {
            throw TooManyItems.problem(maxItems);
        }
        if (items.isEmpty()) {
            throw EmptyBatch.problem();
        }
        List<ItemParser.Parsed> parsed = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            parsed.add(ItemParser.fromJson(item, Set.of()));
        }
        return parsed;
    }
}
