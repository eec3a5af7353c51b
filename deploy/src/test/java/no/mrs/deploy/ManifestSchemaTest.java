package no.mrs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.ManifestValidator;
import no.mrs.deploy.support.Overlay;
import no.mrs.deploy.support.Paths;
import no.mrs.deploy.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rendered resource parses strictly: core kinds with the fabric8 model, Strimzi and
 * CloudNativePG kinds with their vendored CRD schemas. The negative tests show that a misspelled
 * field does not slip through.
 */
class ManifestSchemaTest {

    private final ManifestValidator validator = ManifestValidator.get();

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedResourceMatchesItsSchema(Overlay overlay) {
        Manifests manifests = overlay.render();

        assertThat(manifests.all()).isNotEmpty();
        assertThat(validator.problems(manifests.all())).isEmpty();
    }

    @Test
    void theRestoreExamplesMatchTheirSchemas() throws Exception {
        try (Stream<Path> examples = Files.list(Paths.deployDir().resolve("examples"))) {
            List<ObjectNode> resources = examples.filter(file -> file.toString().endsWith(".yaml"))
                    .flatMap(file -> Yaml.readAll(file).stream())
                    .toList();

            assertThat(resources).isNotEmpty();
            assertThat(validator.problems(resources)).isEmpty();
        }
    }

    @Test
    void rejectsAMisspelledFieldInADeployment() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", "goal-service");
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("livenesProbe", container.remove("livenessProbe"));

        assertThat(validator.problems(deployment))
                .singleElement().asString()
                .contains("Deployment/goal-service", "livenesProbe");
    }

    @Test
    void rejectsAMisspelledFieldDeepInsideAPodSpec() {
        ObjectNode deployment = Overlay.DEV.render().named("Deployment", "result-service");
        ObjectNode port = (ObjectNode) deployment.at("/spec/template/spec/containers/0/ports/0");
        port.set("contanerPort", port.remove("containerPort"));

        assertThat(validator.problems(deployment))
                .singleElement().asString()
                .contains("contanerPort", "$.spec.template.spec.containers[0].ports[0]");
    }

    @Test
    void rejectsAMisspelledFieldInAKafkaTopic() {
        ObjectNode topic = Overlay.PROD.render().named("KafkaTopic", "mrs.goal-events");
        ObjectNode spec = (ObjectNode) topic.get("spec");
        spec.set("partition", spec.remove("partitions"));

        assertThat(validator.problems(topic))
                .singleElement().asString()
                .contains("KafkaTopic/mrs.goal-events", "partition");
    }

    @Test
    void rejectsAWrongAclOperationInAKafkaUser() {
        ObjectNode user = Overlay.PROD.render().named("KafkaUser", "goal-service");
        ArrayNode operations = (ArrayNode) user.at("/spec/authorization/acls/0/operations");
        operations.add("Publish");

        assertThat(validator.problems(user)).anySatisfy(problem -> assertThat(problem).contains("operations"));
    }

    @Test
    void rejectsAMisspelledFieldInAPostgresCluster() {
        ObjectNode cluster = Overlay.PROD.render().named("Cluster", "result-db");
        ObjectNode barman = (ObjectNode) cluster.at("/spec/backup/barmanObjectStore");
        barman.set("destinationPth", barman.remove("destinationPath"));

        assertThat(validator.problems(cluster))
                .anySatisfy(problem -> assertThat(problem).contains("Cluster/result-db", "destinationPth"))
                .anySatisfy(problem -> assertThat(problem).contains("destinationPath"));
    }

    @Test
    void rejectsAMisspelledFieldInTheMetadataOfACustomResource() {
        ObjectNode pool = Overlay.DEV.render().named("KafkaNodePool", "broker");
        ObjectNode metadata = (ObjectNode) pool.get("metadata");
        metadata.set("label", metadata.remove("labels"));

        assertThat(validator.problems(pool))
                .singleElement().asString()
                .contains("KafkaNodePool/broker", "metadata", "label");
    }

    @Test
    void rejectsAnOutdatedStrimziApiVersion() {
        ObjectNode kafka = Overlay.DEV.render().named("Kafka", "mrs-kafka");
        kafka.put("apiVersion", "kafka.strimzi.io/v1beta2");

        assertThat(validator.problems(kafka))
                .singleElement().asString()
                .contains("no vendored CRD serves kafka.strimzi.io/v1beta2 Kafka");
    }

    @Test
    void rejectsAKindItCannotCheck() {
        ObjectNode monitor = Yaml.readAll("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: goal-service}
                spec: {}
                """).get(0);

        assertThat(validator.problems(monitor))
                .singleElement().asString()
                .contains("neither a core kind known to the validator nor served by a vendored CRD");
    }

    @Test
    void rejectsAPostgresFieldWhoseSchemaIsNotVendored() {
        ObjectNode cluster = Overlay.DEV.render().named("Cluster", "goal-db");
        ((ObjectNode) cluster.get("spec")).putObject("replica").put("enabled", true);

        assertThat(validator.problems(cluster)).anySatisfy(problem -> assertThat(problem).contains("$.spec.replica"));
    }
}
