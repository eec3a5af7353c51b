package no.mrs.deploy.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics and consumer groups a service names in its {@code application.properties},
 * read at test time from the service's sources.
 *
 * <p>Read: {@code mrs.events.topic} (the topic its outbox relay publishes to) and
 * {@code mp.messaging.incoming|outgoing.<channel>.topic(s)}, {@code .dead-letter-queue.topic} and
 * {@code .group.id}, unprefixed or
 * for the prod profile; other profiles (local, dev, test) are not what runs on Kubernetes.
 */
public record ServiceConfiguration(String service, Set<String> incomingTopics, Set<String> outgoingTopics,
        Set<String> eventTopics, Set<String> consumerGroups) {

    private static final Pattern CHANNEL_KEY = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|topics|group\\.id|dead-letter-queue\\.topic)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    public static Path propertiesFile(String service) {
        return Paths.serviceDir(service).resolve("src/main/resources/application.properties");
    }

    /** The service's configuration, or empty when its application.properties does not exist (yet). */
    public static Optional<ServiceConfiguration> of(String service) {
        Path file = propertiesFile(service);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            return Optional.of(parse(service, reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfiguration parse(String service, Reader properties) throws IOException {
        Properties raw = new Properties();
        raw.load(properties);
        Map<String, String> effective = effectiveProperties(raw);
        Set<String> incoming = new LinkedHashSet<>();
        Set<String> outgoing = new LinkedHashSet<>();
        Set<String> events = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        effective.forEach((key, value) -> {
            String resolved = resolve(value, effective);
            if (key.equals("mrs.events.topic")) {
                events.add(resolved.trim());
                return;
            }
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (!channel.matches()) {
                return;
            }
            if (channel.group(3).equals("group.id")) {
                groups.add(resolved.trim());
                return;
            }
            // a channel's dead-letter queue is written to, like an outgoing topic
            boolean written = channel.group(1).equals("outgoing") || channel.group(3).startsWith("dead-letter-queue");
            Set<String> target = written ? outgoing : incoming;
            for (String topic : resolved.split(",")) {
                if (!topic.isBlank()) {
                    target.add(topic.trim());
                }
            }
        });
        return new ServiceConfiguration(service, incoming, outgoing, events, groups);
    }

    public Set<String> allTopics() {
        Set<String> all = new LinkedHashSet<>(incomingTopics);
        all.addAll(outgoingTopics);
        all.addAll(eventTopics);
        return all;
    }

    /** Unprefixed properties, overridden by those of the prod profile ({@code %prod.} or {@code %a,prod,b.}). */
    private static Map<String, String> effectiveProperties(Properties raw) {
        Map<String, String> effective = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().sorted()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> effective.put(key, raw.getProperty(key)));
        raw.stringPropertyNames().stream().sorted()
                .filter(key -> key.startsWith("%") && key.contains("."))
                .filter(key -> List.of(key.substring(1, key.indexOf('.')).split(",")).contains("prod"))
                .forEach(key -> effective.put(key.substring(key.indexOf('.') + 1), raw.getProperty(key)));
        return effective;
    }

    /** Resolves ${name} and ${name:default}, as Quarkus does for these simple cases. */
    static String resolve(String value, Map<String, String> properties) {
        String result = value;
        for (int depth = 0; depth < 10; depth++) {
            Matcher expression = EXPRESSION.matcher(result);
            if (!expression.find()) {
                return result;
            }
            String name = expression.group(1);
            String replacement = properties.containsKey(name) ? properties.get(name) : expression.group(2);
            if (replacement == null) {
                return result; // unresolvable here: left as written, and reported as an unknown topic
            }
            result = result.substring(0, expression.start()) + replacement + result.substring(expression.end());
        }
        return result;
    }
}
