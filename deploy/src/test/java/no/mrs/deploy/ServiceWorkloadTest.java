package no.mrs.deploy;

import static no.mrs.deploy.support.Manifests.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.deploy.support.DeploymentRules;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three services' workloads: probes, metrics, resources, replicas, secrets by reference. */
class ServiceWorkloadTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceHasItsDeploymentServiceConfigMapAndServiceAccount(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String service : SERVICES) {
            assertThat(manifests.contains("Deployment", service)).as(service).isTrue();
            assertThat(manifests.contains("Service", service)).as(service).isTrue();
            assertThat(manifests.contains("ConfigMap", service + "-config")).as(service).isTrue();
            assertThat(manifests.contains("ServiceAccount", service)).as(service).isTrue();
            assertThat(manifests.named("Deployment", service).at("/spec/template/spec/serviceAccountName").asText())
                    .isEqualTo(service);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadHasLivenessAndReadinessProbesAndEveryServiceIsScrapedForMetrics(Overlay overlay) {
        Manifests manifests = overlay.render();
        assertThat(manifests.ofKind("Deployment")).extracting(Manifests::name)
                .containsExactlyInAnyOrder("goal-service", "result-service", "reporting-service", Manifests.WEB);

        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            assertThat(DeploymentRules.probeProblems(deployment)).isEmpty();
        }
        // The web app is not scraped: every path but /q/health needs a login (deploy/README.md).
        for (String service : SERVICES) {
            assertThat(DeploymentRules.scrapeProblems(manifests.named("Deployment", service))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadRunsAsNonRootWithAReadOnlyRootFileSystemAndNoCapabilities(Overlay overlay) {
        for (JsonNode deployment : overlay.render().ofKind("Deployment")) {
            assertThat(DeploymentRules.securityContextProblems(deployment)).as(Manifests.id(deployment)).isEmpty();
        }
    }

    @Test
    void reportsAWritableRootFileSystem() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", Manifests.WEB);
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/securityContext")).put("readOnlyRootFilesystem", false);

        assertThat(DeploymentRules.securityContextProblems(deployment))
                .containsExactly("Deployment/web container web: readOnlyRootFilesystem must be true");
    }

    @Test
    void reportsARemovedReadinessProbe() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", "reporting-service");
        ((ObjectNode) DeploymentRules.containers(deployment).get(0)).remove("readinessProbe");

        assertThat(DeploymentRules.probeProblems(deployment))
                .containsExactly("Deployment/reporting-service container reporting-service: has no readinessProbe");
    }

    @Test
    void reportsALivenessProbeOnTheWrongPath() {
        ObjectNode deployment = Overlay.DEV.render().named("Deployment", "goal-service");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/livenessProbe/httpGet")).put("path", "/health");

        assertThat(DeploymentRules.probeProblems(deployment))
                .singleElement().asString().contains("livenessProbe must GET /q/health/live");
    }

    @Test
    void inProductionEveryServiceHasRequestsAndLimits() {
        for (JsonNode deployment : Overlay.PROD.render().ofKind("Deployment")) {
            assertThat(DeploymentRules.resourceProblems(deployment)).isEmpty();
        }
    }

    @Test
    void reportsAMissingMemoryLimit() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", "goal-service");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/resources/limits")).remove("memory");

        assertThat(DeploymentRules.resourceProblems(deployment))
                .containsExactly("Deployment/goal-service container goal-service: no limits.memory");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noSecretIsWrittenIntoTheManifests(Overlay overlay) {
        Manifests manifests = overlay.render();

        assertThat(manifests.all()).allSatisfy(resource ->
                assertThat(DeploymentRules.literalSecretProblems(resource)).isEmpty());
        assertThat(manifests.ofKind("Secret")).isEmpty();
    }

    @Test
    void reportsALiteralPasswordInTheEnvironment() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", "result-service");
        ObjectNode password = (ObjectNode) DeploymentRules.env(DeploymentRules.containers(deployment).get(0),
                "QUARKUS_DATASOURCE_PASSWORD");
        password.remove("valueFrom");
        password.put("value", "hunter2");

        assertThat(DeploymentRules.literalSecretProblems(deployment))
                .singleElement().asString().contains("QUARKUS_DATASOURCE_PASSWORD has a literal value");
    }

    @Test
    void reportsASecretWithData() {
        Manifests manifests = Overlay.DEV.render();
        ObjectNode secret = manifests.named("ConfigMap", "mrs-jwt").deepCopy();
        secret.put("kind", "Secret");
        secret.putObject("data").put("password", "aHVudGVyMg==");

        assertThat(DeploymentRules.literalSecretProblems(secret)).singleElement().asString()
                .contains("must not be committed with data");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void databaseAndKafkaCredentialsComeFromTheOperatorsSecrets(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String service : SERVICES) {
            String database = service.replace("-service", "-db");
            JsonNode container = DeploymentRules.containers(manifests.named("Deployment", service)).get(0);
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(database + "-app/jdbc-uri");
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(database + "-app/username");
            assertThat(secretRef(container, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(database + "-app/password");
            assertThat(secretRef(container, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo(service + "/sasl.jaas.config");
            assertThat(manifests.contains("KafkaUser", service)).as("KafkaUser " + service).isTrue();
            assertThat(manifests.contains("Cluster", database)).as("Cluster " + database).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theJwtSettingsComeFromAConfigMap(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode jwt = manifests.named("ConfigMap", "mrs-jwt").path("data");

        assertThat(jwt.path("MRS_JWT_ISSUER").asText()).startsWith("https://");
        assertThat(jwt.path("MRS_JWT_PUBLIC_KEY_LOCATION").asText()).isNotBlank();
        for (String service : SERVICES) {
            assertThat(DeploymentRules.containers(manifests.named("Deployment", service)).get(0).path("envFrom").toString())
                    .contains("\"name\":\"mrs-jwt\"", "\"name\":\"" + service + "-config\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theImagesAreTheProjectsOwn(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String service : SERVICES) {
            assertThat(DeploymentRules.containers(manifests.named("Deployment", service)).get(0).path("image").asText())
                    .isEqualTo("ghcr.io/mrs-project/" + service + ":0.1.0");
        }
    }

    @Test
    void inDevelopmentEveryServiceRunsOneReplica() {
        Manifests dev = Overlay.DEV.render();

        for (String service : SERVICES) {
            assertThat(maximumReplicas(dev, service)).as(service).isEqualTo(1);
        }
    }

    @Test
    void inProductionEveryServiceRunsSeveralReplicasSpreadOverNodesWithADisruptionBudget() {
        Manifests prod = Overlay.PROD.render();

        for (String service : java.util.List.of("goal-service", "result-service")) {
            JsonNode deployment = prod.named("Deployment", service);
            assertThat(minimumReplicas(prod, service)).as(service).isGreaterThanOrEqualTo(2);
            assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).as(service).isFalse();
            JsonNode budget = prod.named("PodDisruptionBudget", service);
            assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(service);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void resultServiceScalesWithAnAutoscaler(Overlay overlay) {
        Manifests manifests = overlay.render();

        JsonNode autoscaler = manifests.named("HorizontalPodAutoscaler", "result-service");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("result-service");
        assertThat(manifests.named("Deployment", "result-service").at("/spec/replicas").isMissingNode())
                .as("the autoscaler, not the Deployment, owns the replica count of result-service").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void reportingServiceRollsOutANewReplicaBeforeItStopsAnOldOne(Overlay overlay) {
        JsonNode deployment = overlay.render().named("Deployment", "reporting-service");

        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).isZero();
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
        // ready means caught up with the topics (reporting-service's readiness check), so it must be asked
        assertThat(DeploymentRules.containers(deployment).get(0).at("/readinessProbe/httpGet/path").asText())
                .isEqualTo("/q/health/ready");
        // the pod is answered for the shutdown delay and drains within the grace period
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void inProductionReportingServiceRunsAtLeastTwoReplicasOnDifferentNodesWithABudgetAndACpuAutoscaler() {
        Manifests prod = Overlay.PROD.render();

        JsonNode autoscaler = prod.named("HorizontalPodAutoscaler", "reporting-service");
        assertThat(autoscaler.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("reporting-service");
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isGreaterThan(2);
        assertThat(autoscaler.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        JsonNode deployment = prod.named("Deployment", "reporting-service");
        assertThat(deployment.at("/spec/replicas").isMissingNode())
                .as("the autoscaler, not the Deployment, owns the replica count of reporting-service").isTrue();

        JsonNode budget = prod.named("PodDisruptionBudget", "reporting-service");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("reporting-service");

        JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints");
        assertThat(spread.isArray()).isTrue();
        JsonNode byNode = null;
        for (JsonNode constraint : spread) {
            if (constraint.path("topologyKey").asText().equals("kubernetes.io/hostname")) {
                byNode = constraint;
            }
        }
        assertThat(byNode).as("a spread over nodes").isNotNull();
        assertThat(byNode.path("maxSkew").asInt()).isEqualTo(1);
        assertThat(byNode.path("whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
        assertThat(byNode.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("reporting-service");
    }

    @Test
    void inDevelopmentReportingServiceHasNoAutoscalerOrBudget() {
        Manifests dev = Overlay.DEV.render();

        assertThat(dev.contains("HorizontalPodAutoscaler", "reporting-service")).isFalse();
        assertThat(dev.contains("PodDisruptionBudget", "reporting-service")).isFalse();
    }

    private static String secretRef(JsonNode container, String variable) {
        JsonNode reference = DeploymentRules.env(container, variable).path("valueFrom").path("secretKeyRef");
        return reference.path("name").asText() + "/" + reference.path("key").asText();
    }

    private static int minimumReplicas(Manifests manifests, String service) {
        return manifests.contains("HorizontalPodAutoscaler", service)
                ? manifests.named("HorizontalPodAutoscaler", service).at("/spec/minReplicas").asInt(1)
                : manifests.named("Deployment", service).at("/spec/replicas").asInt(1);
    }

    private static int maximumReplicas(Manifests manifests, String service) {
        return manifests.contains("HorizontalPodAutoscaler", service)
                ? manifests.named("HorizontalPodAutoscaler", service).at("/spec/maxReplicas").asInt()
                : manifests.named("Deployment", service).at("/spec/replicas").asInt(1);
    }
}
