package no.mrs.deploy;

import static no.mrs.deploy.support.Manifests.SERVICES;
import static no.mrs.deploy.support.Manifests.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.mrs.deploy.support.DeploymentRules;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import no.mrs.deploy.support.Paths;
import no.mrs.deploy.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The web app for people: its Deployment, Service, Ingress, NetworkPolicy, database, and its login settings,
 * with the OIDC client's credentials only ever referenced from a Secret.
 */
class WebAppTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(MRS_[A-Z0-9_]+)(?::[^}]*)?}");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theWebAppRunsTheProjectsImageOnPort8080WithItsOwnServiceAccountAndConfigMap(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode deployment = manifests.named("Deployment", WEB);
        JsonNode container = DeploymentRules.containers(deployment).get(0);

        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/mrs-project/web:0.1.0");
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(DeploymentRules.probeProblems(deployment)).isEmpty();
        assertThat(DeploymentRules.securityContextProblems(deployment)).isEmpty();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(WEB);
        assertThat(manifests.named("ServiceAccount", WEB).path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(container.path("envFrom").toString()).contains("\"name\":\"web-config\"");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theServiceSendsItsHttpPortToTheWebPods(Overlay overlay) {
        JsonNode service = overlay.render().named("Service", WEB);

        assertThat(service.at("/spec/selector/app.kubernetes.io~1name").asText()).isEqualTo(WEB);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theIngressSendsPeopleToTheWebAppOnAHostOfItsOwnWithTls(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode ingress = manifests.named("Ingress", WEB);
        JsonNode rule = ingress.at("/spec/rules/0");

        assertThat(ingress.at("/spec/rules")).hasSize(1);
        assertThat(rule.at("/http/paths/0/path").asText()).isEqualTo("/");
        assertThat(rule.at("/http/paths/0/backend/service/name").asText()).isEqualTo(WEB);
        assertThat(rule.at("/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        String host = rule.path("host").asText();
        assertThat(host).startsWith("web.").endsWith(overlay == Overlay.DEV ? ".dev.mrs.example.no" : ".mrs.example.no");
        assertThat(ingress.at("/spec/tls/0/hosts").toString()).contains("\"" + host + "\"");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("mrs-tls");
        // the web app serves /api/... itself, so no service API shares its host
        for (JsonNode apiRule : manifests.named("Ingress", "mrs").at("/spec/rules")) {
            assertThat(apiRule.path("host").asText()).isNotEqualTo(host);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theOldDashboardAddressRedirectsToTheWebAppsHost(Overlay overlay) {
        Manifests manifests = overlay.render();
        String host = manifests.named("Ingress", WEB).at("/spec/rules/0/host").asText();
        assertThat(manifests.named("ConfigMap", "reporting-service-config").at("/data/MRS_REPORTING_WEB_APP_URL")
                .asText()).isEqualTo("https://" + host);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theWebAppReachesOnlyTheServicesItsDatabaseDnsAndTheIdentityProvider(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode policy = manifests.named("NetworkPolicy", WEB);

        assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(WEB);
        assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
        List<String> destinations = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            for (JsonNode peer : rule.path("to")) {
                JsonNode labels = peer.at("/podSelector/matchLabels");
                String label = labels.fieldNames().next();
                for (JsonNode port : rule.path("ports")) {
                    destinations.add(label + "=" + labels.path(label).asText() + ":" + port.path("port").asInt());
                }
            }
        }
        assertThat(destinations).containsExactlyInAnyOrder(
                "app.kubernetes.io/name=goal-service:8080",
                "app.kubernetes.io/name=result-service:8080",
                "app.kubernetes.io/name=reporting-service:8080",
                "cnpg.io/cluster=web-db:5432",
                "k8s-app=kube-dns:53", "k8s-app=kube-dns:53");
        JsonNode identityProvider = manifests.named("NetworkPolicy", "mrs-jwks-egress");
        assertThat(identityProvider.at("/spec/podSelector/matchExpressions/0/values").toString()).contains("\"web\"");
        assertThat(identityProvider.at("/spec/egress/0/ports/0/port").asInt()).isEqualTo(443);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theWebAppIsReachedOnlyByTheIngressControllerAndPrometheus(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode rules = manifests.named("NetworkPolicy", WEB).at("/spec/ingress");

        assertThat(rules).hasSize(1);
        assertThat(rules.at("/0/from")).hasSize(2);
        assertThat(rules.at("/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(rules.at("/0/from/1/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("monitoring");
        assertThat(rules.at("/0/ports/0/port").asInt()).isEqualTo(8080);
        JsonNode annotations = manifests.named("Deployment", WEB).at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theOidcClientAndTheDatabaseCredentialsComeFromSecrets(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode container = DeploymentRules.containers(manifests.named("Deployment", WEB)).get(0);

        assertThat(secretRef(container, "MRS_OIDC_CLIENT_ID")).isEqualTo("web-oidc/client-id");
        assertThat(secretRef(container, "MRS_OIDC_CLIENT_SECRET")).isEqualTo("web-oidc/client-secret");
        assertThat(secretRef(container, "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("web-db-app/jdbc-uri");
        assertThat(secretRef(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("web-db-app/username");
        assertThat(secretRef(container, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("web-db-app/password");
        assertThat(manifests.named("ConfigMap", "web-config").path("data").has("MRS_OIDC_CLIENT_SECRET")).isFalse();
        assertThat(manifests.contains("Secret", "web-oidc")).as("the Secret is yours to create, never rendered").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyMrsVariableTheWebAppReadsIsSetAndTheServiceUrlsAreTheInClusterServices(Overlay overlay) throws IOException {
        Manifests manifests = overlay.render();
        JsonNode container = DeploymentRules.containers(manifests.named("Deployment", WEB)).get(0);
        JsonNode config = manifests.named("ConfigMap", "web-config").path("data");
        Set<String> provided = new TreeSet<>();
        config.fieldNames().forEachRemaining(provided::add);
        container.path("env").forEach(variable -> provided.add(variable.path("name").asText()));

        assertThat(provided).containsAll(variablesReadBy(WEB));
        for (String service : SERVICES) {
            String variable = "MRS_" + service.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            assertThat(config.path(variable).asText()).as(variable).isEqualTo("http://" + service);
            assertThat(manifests.contains("Service", service)).isTrue();
        }
        assertThat(config.path("MRS_OIDC_AUTH_SERVER_URL").asText()).startsWith("https://");
        assertThat(config.path("MRS_OIDC_SCOPES").asText()).isNotBlank();
        assertThat(config.path("QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH").asText()).isEqualTo("/");
    }

    @Test
    void inProductionTheWebAppRunsSeveralReplicasSpreadOverNodesWithADisruptionBudget() {
        Manifests prod = Overlay.PROD.render();
        JsonNode deployment = prod.named("Deployment", WEB);

        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).isFalse();
        assertThat(prod.named("PodDisruptionBudget", WEB).at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo(WEB);
        assertThat(DeploymentRules.resourceProblems(deployment)).isEmpty();
    }

    @Test
    void inDevelopmentTheWebAppRunsOneReplica() {
        assertThat(Overlay.DEV.render().named("Deployment", WEB).at("/spec/replicas").asInt()).isEqualTo(1);
    }

    @Test
    void theExampleSecretCarriesExactlyTheKeysTheDeploymentReferencesAndOnlyPlaceholders() throws IOException {
        Path file = Paths.deployDir().resolve("examples/web-oidc-secret.yaml");
        ObjectNode secret = Yaml.readAll(file).get(0);
        JsonNode container = DeploymentRules.containers(Overlay.PROD.render().named("Deployment", WEB)).get(0);
        Set<String> referenced = new TreeSet<>();
        container.path("env").forEach(variable -> {
            JsonNode reference = variable.at("/valueFrom/secretKeyRef");
            if ("web-oidc".equals(reference.path("name").asText())) {
                referenced.add(reference.path("key").asText());
            }
        });
        Set<String> keys = new TreeSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);

        assertThat(Files.readString(file)).startsWith("# EXAMPLE ONLY");
        assertThat(Manifests.id(secret)).isEqualTo("Secret/web-oidc");
        assertThat(keys).isEqualTo(referenced).containsExactly("client-id", "client-secret");
        secret.path("stringData").forEach(value -> assertThat(value.asText()).startsWith("<").endsWith(">"));
        assertThat(secret.has("data")).isFalse();
    }

    @Test
    void reportsALiteralClientSecret() {
        ObjectNode deployment = Overlay.PROD.render().named("Deployment", WEB);
        ObjectNode secret = (ObjectNode) DeploymentRules.env(DeploymentRules.containers(deployment).get(0),
                "MRS_OIDC_CLIENT_SECRET");
        secret.remove("valueFrom");
        secret.put("value", "s3cr3t");

        assertThat(DeploymentRules.literalSecretProblems(deployment))
                .singleElement().asString().contains("MRS_OIDC_CLIENT_SECRET has a literal value");
    }

    /** The MRS_* environment variables the module's application.properties reads, with or without a default. */
    private static Set<String> variablesReadBy(String module) throws IOException {
        String properties = Files.readString(Paths.serviceDir(module).resolve("src/main/resources/application.properties"));
        Set<String> variables = new TreeSet<>();
        for (String line : properties.split("\n")) {
            // only what runs on Kubernetes: unprefixed or prod-profile keys
            if (line.startsWith("#") || (line.startsWith("%") && !line.startsWith("%prod."))) {
                continue;
            }
            Matcher matcher = VARIABLE.matcher(line);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        assertThat(variables).as("the web app's variables").contains("MRS_OIDC_AUTH_SERVER_URL", "MRS_GOAL_SERVICE_URL");
        return variables;
    }

    private static String secretRef(JsonNode container, String variable) {
        JsonNode reference = DeploymentRules.env(container, variable).path("valueFrom").path("secretKeyRef");
        return reference.path("name").asText() + "/" + reference.path("key").asText();
    }
}
