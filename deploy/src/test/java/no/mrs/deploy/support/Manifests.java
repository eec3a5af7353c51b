package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NoSuchElementException;

/** The resources of one rendered overlay, with look-ups by kind and name. */
public record Manifests(List<ObjectNode> all) {

    public static final List<String> SERVICES = List.of("goal-service", "result-service", "reporting-service");
    /** The web app for people: a workload like the services, but no Kafka client and no metrics scraping. */
    public static final String WEB = "web";

    public List<ObjectNode> ofKind(String kind) {
        return all.stream().filter(resource -> kind.equals(kind(resource))).toList();
    }

    public ObjectNode named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(resource -> name.equals(name(resource)))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name));
    }

    public boolean contains(String kind, String name) {
        return ofKind(kind).stream().anyMatch(resource -> name.equals(name(resource)));
    }

    public static String kind(JsonNode resource) {
        return resource.path("kind").asText();
    }

    public static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** "Kind/name", for messages. */
    public static String id(JsonNode resource) {
        return kind(resource) + "/" + name(resource);
    }
}
