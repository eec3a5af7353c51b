package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses core Kubernetes resources with the fabric8 model, strictly: an unknown field fails.
 *
 * <p>The fabric8 model classes collect unknown fields in an "additionalProperties" map through a
 * Jackson any-setter, which would swallow a misspelled field. This mapper removes the any-setter
 * from every bean and fails on unknown properties, so {@code livenesProbe} or {@code contanerPort}
 * is reported with its path.
 */
public final class StrictKubernetesModel {

    /** The apiVersion and kind of each core resource (and the Prometheus Operator's rule) the manifests may contain, and its model. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict-kubernetes-model").setDeserializerModifier(new NoAnySetter()))
            .build();

    public static boolean knows(JsonNode resource) {
        return MODELS.containsKey(typeOf(resource));
    }

    /** Problems found parsing the resource; empty when it is valid. */
    public List<String> problems(JsonNode resource) {
        Class<?> model = MODELS.get(typeOf(resource));
        if (model == null) {
            return List.of(Manifests.id(resource) + ": no model for " + typeOf(resource));
        }
        return parse(resource, model).map(problem -> Manifests.id(resource) + ": " + problem).stream().toList();
    }

    /** Problems in a custom resource's metadata, which the CRD schemas leave to Kubernetes. */
    public List<String> metadataProblems(JsonNode resource) {
        return parse(resource.path("metadata"), ObjectMeta.class)
                .map(problem -> Manifests.id(resource) + ": metadata: " + problem).stream().toList();
    }

    private Optional<String> parse(JsonNode node, Class<?> model) {
        try {
            mapper.treeToValue(node, model);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString())
                    + " (at " + pathOf(e) + ")");
        }
    }

    private static String pathOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder("$");
            for (var reference : mapping.getPath()) {
                path.append(reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : "." + reference.getFieldName());
            }
            return path.toString();
        }
        return "?";
    }

    private static String typeOf(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    private static final class NoAnySetter extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            return builder;
        }
    }
}
