package no.mrs.deploy;

import static no.mrs.deploy.support.Manifests.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may talk to whom: NetworkPolicies and the Ingress. */
class NetworkTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceReachesOnlyItsOwnDatabaseKafkaAndDns(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String service : SERVICES) {
            JsonNode policy = manifests.named("NetworkPolicy", service);
            assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(service);
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(egressDestinations(policy)).containsExactlyInAnyOrder(
                    "cnpg.io/cluster=" + service.replace("-service", "-db") + ":5432",
                    "strimzi.io/cluster=mrs-kafka:9093",
                    "k8s-app=kube-dns:53");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceIsReachedOnlyByTheIngressControllerPrometheusAndTheWebApp(Overlay overlay) {
        Manifests manifests = overlay.render();

        for (String service : SERVICES) {
            JsonNode rules = manifests.named("NetworkPolicy", service).at("/spec/ingress");
            assertThat(rules).hasSize(1);
            List<String> sources = new ArrayList<>();
            rules.get(0).path("from").forEach(peer -> sources.add(peer.has("namespaceSelector")
                    ? "namespace " + peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()
                    : "pods " + peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()));
            assertThat(sources).containsExactlyInAnyOrder("namespace ingress-nginx", "namespace monitoring", "pods web");
            assertThat(rules.get(0).at("/ports/0/port").asInt()).isEqualTo(8080);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theOnlyOtherEgressIsHttpsToTheIdentityProvider(Overlay overlay) {
        Manifests manifests = overlay.render();
        List<ObjectNode> others = manifests.ofKind("NetworkPolicy").stream()
                .filter(policy -> !SERVICES.contains(Manifests.name(policy)) && !Manifests.WEB.equals(Manifests.name(policy)))
                .toList();

        assertThat(others).extracting(Manifests::name).containsExactly("mrs-jwks-egress");
        assertThat(others.get(0).at("/spec/podSelector/matchExpressions/0/values").toString())
                .contains("\"goal-service\"", "\"result-service\"", "\"reporting-service\"", "\"web\"");
        JsonNode egress = others.get(0).at("/spec/egress");
        assertThat(egress).hasSize(1);
        assertThat(egress.at("/0/to/0/ipBlock/cidr").asText()).isNotBlank();
        assertThat(egress.at("/0/ports/0/port").asInt()).isEqualTo(443);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theIngressRoutesEachApiAndTheOldDashboardAddress(Overlay overlay) {
        JsonNode ingress = overlay.render().named("Ingress", "mrs");
        Set<String> routes = new HashSet<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                routes.add(path.path("path").asText() + " -> " + path.at("/backend/service/name").asText());
            }
        }

        assertThat(routes).contains(
                "/api -> goal-service", "/api -> result-service", "/api -> reporting-service", "/ -> reporting-service");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
    }

    /** "label=value:port" for each egress rule of the policy. */
    private static List<String> egressDestinations(JsonNode policy) {
        List<String> destinations = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            JsonNode labels = rule.at("/to/0/podSelector/matchLabels");
            String label = labels.has("cnpg.io/cluster") ? "cnpg.io/cluster"
                    : labels.has("strimzi.io/cluster") ? "strimzi.io/cluster"
                    : "k8s-app";
            destinations.add(label + "=" + labels.path(label).asText() + ":" + rule.at("/ports/0/port").asInt());
        }
        return destinations;
    }
}
