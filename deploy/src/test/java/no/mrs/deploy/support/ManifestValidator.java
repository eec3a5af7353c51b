package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates one rendered resource: core kinds with the strict fabric8 model, Strimzi and
 * CloudNativePG kinds with their vendored CRD schemas. Any other kind is a problem too: the
 * manifests may contain only what the validator can check.
 */
public final class ManifestValidator {

    private static ManifestValidator instance;

    private final StrictKubernetesModel model = new StrictKubernetesModel();
    private final CrdSchemas crds = CrdSchemas.load(Paths.deployDir().resolve("crds"));

    public static synchronized ManifestValidator get() {
        if (instance == null) {
            instance = new ManifestValidator();
        }
        return instance;
    }

    public List<String> problems(JsonNode resource) {
        if (StrictKubernetesModel.knows(resource)) {
            return model.problems(resource);
        }
        if (crds.knowsGroupOf(resource)) {
            List<String> problems = new ArrayList<>(crds.problems(resource));
            problems.addAll(model.metadataProblems(resource));
            return problems;
        }
        return List.of(Manifests.id(resource) + ": " + resource.path("apiVersion").asText()
                + " is neither a core kind known to the validator nor served by a vendored CRD");
    }

    public List<String> problems(List<? extends JsonNode> resources) {
        return resources.stream().flatMap(resource -> problems(resource).stream()).toList();
    }
}
