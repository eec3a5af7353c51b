package no.mrs.deploy;

import static no.mrs.deploy.support.Manifests.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import no.mrs.deploy.support.ServiceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Kafka cluster, its topics and users, checked against what the services are configured to use. */
class KafkaTest {

    private static final List<String> TOPICS = List.of(
            "mrs.goal-events", "mrs.result-events", "mrs.result-submissions", "mrs.result-submissions.dlq");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicAServiceIsConfiguredWithExistsAsAKafkaTopic(Overlay overlay) {
        List<ServiceConfiguration> configurations = configurations();
        Set<String> declared = topicNames(overlay.render());

        for (ServiceConfiguration configuration : configurations) {
            assertThat(declared)
                    .as("topics named in %s", ServiceConfiguration.propertiesFile(configuration.service()))
                    .containsAll(configuration.allTopics());
        }
        assertThat(configurations.stream().flatMap(configuration -> configuration.allTopics().stream()))
                .as("the services' application.properties name no topic at all: has a property been renamed?")
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theFourTopicsAreDeclared(Overlay overlay) {
        assertThat(topicNames(overlay.render())).containsExactlyInAnyOrderElementsOf(TOPICS);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theEventTopicsAreKeptForGoodAndTheSubmissionTopicsAreNot(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String topic : List.of("mrs.goal-events", "mrs.result-events")) {
            JsonNode config = manifests.named("KafkaTopic", topic).at("/spec/config");
            assertThat(config.path("retention.ms").asLong()).as(topic).isEqualTo(-1);
            assertThat(config.path("cleanup.policy").asText()).as(topic).isEqualTo("delete");
        }
        for (String topic : List.of("mrs.result-submissions", "mrs.result-submissions.dlq")) {
            assertThat(manifests.named("KafkaTopic", topic).at("/spec/config/retention.ms").asLong()).as(topic).isPositive();
        }
    }

    @Test
    void inProductionKafkaHasThreeBrokersAndAcknowledgesWritesOnTwo() {
        Manifests prod = Overlay.PROD.render();
        JsonNode kafkaConfig = prod.named("Kafka", "mrs-kafka").at("/spec/kafka/config");

        assertThat(prod.named("KafkaNodePool", "broker").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(prod.named("KafkaNodePool", "broker").at("/spec/roles").toString()).isEqualTo("[\"broker\"]");
        assertThat(prod.named("KafkaNodePool", "controller").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(prod.named("KafkaNodePool", "controller").at("/spec/roles").toString()).isEqualTo("[\"controller\"]");
        assertThat(kafkaConfig.path("min.insync.replicas").asInt()).isEqualTo(2);
        for (JsonNode topic : prod.ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).as(Manifests.name(topic)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyKafkaUserAuthenticatesWithScram(Overlay overlay) {
        for (JsonNode user : overlay.render().ofKind("KafkaUser")) {
            assertThat(user.at("/spec/authentication/type").asText()).as(Manifests.name(user)).isEqualTo("scram-sha-512");
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("mrs-kafka");
        }
    }

    @Test
    void eachServiceMayUseExactlyTheTopicsItNeeds() {
        Manifests manifests = Overlay.PROD.render();

        assertThat(grants(manifests, "goal-service")).containsExactlyInAnyOrder(
                "topic:mrs.goal-events:Describe", "topic:mrs.goal-events:Write");
        assertThat(grants(manifests, "result-service")).containsExactlyInAnyOrder(
                "topic:mrs.goal-events:Describe", "topic:mrs.goal-events:Read", "group:result-service:Read",
                "topic:mrs.result-submissions:Describe", "topic:mrs.result-submissions:Read",
                "group:result-service-submissions:Read",
                "topic:mrs.result-events:Describe", "topic:mrs.result-events:Write",
                "topic:mrs.result-submissions.dlq:Describe", "topic:mrs.result-submissions.dlq:Write");
        assertThat(grants(manifests, "reporting-service")).containsExactlyInAnyOrder(
                "topic:mrs.goal-events:Describe", "topic:mrs.goal-events:Read",
                "topic:mrs.result-events:Describe", "topic:mrs.result-events:Read",
                "group:reporting-service*:Describe", "group:reporting-service*:Read");
        for (String system : reportingSystems(manifests)) {
            assertThat(grants(manifests, system)).as(system).containsExactlyInAnyOrder(
                    "topic:mrs.result-submissions:Describe", "topic:mrs.result-submissions:Write");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyReportingSystemHasItsOwnKafkaUserAndAUnitScopeInResultService(Overlay overlay) {
        Manifests manifests = overlay.render();
        Set<String> systems = reportingSystems(manifests);
        assertThat(systems).as("KafkaUsers labelled mrs.no/reporting-system").isNotEmpty();

        Properties scopes = new Properties();
        try {
            scopes.load(new StringReader(manifests.named("ConfigMap", "result-service-submitters")
                    .at("/data/submitters.properties").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = "mrs.submissions.systems.";
        Set<String> scoped = new LinkedHashSet<>();
        for (String key : scopes.stringPropertyNames()) {
            assertThat(key).as("a line of submitters.properties").startsWith(prefix);
            assertThat(scopes.getProperty(key)).as(key).matches("\\d{4}(,\\d{4})*");
            scoped.add(key.substring(prefix.length()));
        }
        assertThat(scoped).as("systems with a unit scope = systems with a KafkaUser").isEqualTo(systems);

        // result-service reads the file: mounted from the ConfigMap where QUARKUS_CONFIG_LOCATIONS points
        JsonNode pod = manifests.named("Deployment", "result-service").at("/spec/template/spec");
        String location = manifests.named("ConfigMap", "result-service-config").at("/data/QUARKUS_CONFIG_LOCATIONS")
                .asText();
        JsonNode volume = null;
        for (JsonNode candidate : pod.path("volumes")) {
            if ("result-service-submitters".equals(candidate.at("/configMap/name").asText())) {
                volume = candidate;
            }
        }
        assertThat(volume).as("a volume of ConfigMap/result-service-submitters").isNotNull();
        String mountPath = null;
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (mount.path("name").asText().equals(volume.path("name").asText())) {
                mountPath = mount.path("mountPath").asText();
            }
        }
        assertThat(location).isEqualTo("file:" + mountPath + "/submitters.properties");
    }

    private static Set<String> reportingSystems(Manifests manifests) {
        Set<String> systems = new LinkedHashSet<>();
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            if ("true".equals(user.at("/metadata/labels/mrs.no~1reporting-system").asText())) {
                systems.add(Manifests.name(user));
            }
        }
        return systems;
    }

    @Test
    void eachServicesConfiguredTopicsAndGroupsAreCoveredByItsAcls() {
        Manifests manifests = Overlay.PROD.render();

        for (ServiceConfiguration configuration : configurations()) {
            Set<String> grants = grants(manifests, configuration.service());
            for (String topic : configuration.incomingTopics()) {
                assertThat(allows(grants, "topic", topic, "Read")).as("%s reads %s", configuration.service(), topic).isTrue();
            }
            for (String topic : configuration.outgoingTopics()) {
                assertThat(allows(grants, "topic", topic, "Write")).as("%s writes %s", configuration.service(), topic).isTrue();
            }
            for (String topic : configuration.eventTopics()) {
                assertThat(allows(grants, "topic", topic, "Write") || allows(grants, "topic", topic, "Read"))
                        .as("%s uses %s", configuration.service(), topic).isTrue();
            }
            for (String group : configuration.consumerGroups()) {
                assertThat(allows(grants, "group", group, "Read"))
                        .as("%s consumes as group %s", configuration.service(), group).isTrue();
            }
        }
    }

    private static List<ServiceConfiguration> configurations() {
        List<ServiceConfiguration> configurations = SERVICES.stream()
                .map(ServiceConfiguration::of)
                .flatMap(Optional::stream)
                .toList();
        assumeTrue(!configurations.isEmpty(), "no service has a src/main/resources/application.properties yet,"
                + " so the topics they use could not be compared with the KafkaTopics");
        return configurations;
    }

    private static Set<String> topicNames(Manifests manifests) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            names.add(topic.at("/spec/topicName").asText(Manifests.name(topic)));
        }
        return names;
    }

    /** "type:name:Operation", with a trailing * on the name for prefix patterns. */
    private static Set<String> grants(Manifests manifests, String user) {
        Set<String> grants = new LinkedHashSet<>();
        for (JsonNode acl : manifests.named("KafkaUser", user).at("/spec/authorization/acls")) {
            assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
            JsonNode resource = acl.path("resource");
            String name = resource.path("name").asText() + ("prefix".equals(resource.path("patternType").asText()) ? "*" : "");
            for (JsonNode operation : acl.path("operations")) {
                grants.add(resource.path("type").asText() + ":" + name + ":" + operation.asText());
            }
        }
        return grants;
    }

    private static boolean allows(Set<String> grants, String type, String name, String operation) {
        List<String> matching = new ArrayList<>();
        for (String grant : grants) {
            String[] parts = grant.split(":");
            boolean nameMatches = parts[1].endsWith("*")
                    ? name.startsWith(parts[1].substring(0, parts[1].length() - 1))
                    : parts[1].equals(name);
            if (parts[0].equals(type) && nameMatches && (parts[2].equals(operation) || parts[2].equals("All"))) {
                matching.add(grant);
            }
        }
        return !matching.isEmpty();
    }
}
