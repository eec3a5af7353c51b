package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML documents into Jackson trees (SnakeYAML, because the CRD excerpts use anchors). */
public final class Yaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    public static List<ObjectNode> readAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        var yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<ObjectNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document == null) {
                continue;
            }
            JsonNode tree = JSON.valueToTree(document);
            if (!tree.isObject()) {
                throw new IllegalArgumentException("a YAML document is not a mapping: " + tree);
            }
            documents.add((ObjectNode) tree);
        }
        return documents;
    }

    public static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
