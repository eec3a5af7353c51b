package no.mrs.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules every MRS workload must follow; each returns the problems it finds, empty when none. */
public final class DeploymentRules {

    /** Words that make a variable or key name look like it holds a secret. */
    private static final Set<String> SECRET_WORDS = Set.of(
            "PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "KEY", "JAAS", "CREDENTIALS", "PASSPHRASE");
    /** A last word that makes the name a reference to a secret rather than the secret itself. */
    private static final Set<String> REFERENCE_WORDS = Set.of("LOCATION", "URL", "PATH", "FILE", "TYPE", "ALGORITHM");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[_.\\-]");

    private DeploymentRules() {
    }

    /** Liveness on /q/health/live and readiness on /q/health/ready, on the HTTP port, for every container. */
    public static List<String> probeProblems(JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : containers(deployment)) {
            String where = Manifests.id(deployment) + " container " + container.path("name").asText();
            problems.addAll(probeProblems(where, "livenessProbe", container.path("livenessProbe"), "/q/health/live"));
            problems.addAll(probeProblems(where, "readinessProbe", container.path("readinessProbe"), "/q/health/ready"));
        }
        return problems;
    }

    private static List<String> probeProblems(String where, String probe, JsonNode spec, String path) {
        if (spec.isMissingNode()) {
            return List.of(where + ": has no " + probe);
        }
        JsonNode httpGet = spec.path("httpGet");
        if (!path.equals(httpGet.path("path").asText())) {
            return List.of(where + ": " + probe + " must GET " + path + " but is " + spec);
        }
        JsonNode port = httpGet.path("port");
        if (!(port.asText().equals("http") || port.asInt() == 8080)) {
            return List.of(where + ": " + probe + " must use the HTTP port 8080, not " + port);
        }
        return List.of();
    }

    /** CPU and memory requests and limits on every container. */
    public static List<String> resourceProblems(JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : containers(deployment)) {
            JsonNode resources = container.path("resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (resources.path(bound).path(resource).asText().isBlank()) {
                        problems.add(Manifests.id(deployment) + " container " + container.path("name").asText()
                                + ": no " + bound + "." + resource);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * No secret written into a manifest: no literal value on a secret-looking environment variable,
     * no secret-looking key in a ConfigMap, no Secret carrying data.
     */
    public static List<String> literalSecretProblems(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        switch (Manifests.kind(resource)) {
            case "Secret" -> {
                if (resource.path("data").size() > 0 || resource.path("stringData").size() > 0) {
                    problems.add(Manifests.id(resource) + ": Secrets must not be committed with data; reference one instead");
                }
            }
            case "ConfigMap" -> resource.path("data").fieldNames().forEachRemaining(key -> {
                if (looksSecret(key)) {
                    problems.add(Manifests.id(resource) + ": key " + key + " looks secret; put it in a Secret");
                }
            });
            case "Deployment" -> {
                for (JsonNode container : containers(resource)) {
                    for (JsonNode variable : container.path("env")) {
                        String name = variable.path("name").asText();
                        if (variable.has("value") && looksSecret(name)) {
                            problems.add(Manifests.id(resource) + ": env " + name
                                    + " has a literal value; take it from a Secret with valueFrom.secretKeyRef");
                        }
                    }
                }
            }
            default -> {
            }
        }
        return problems;
    }

    static boolean looksSecret(String name) {
        List<String> words = List.of(WORD_SEPARATORS.split(name.toUpperCase(Locale.ROOT)));
        boolean secretWord = words.stream().anyMatch(SECRET_WORDS::contains);
        boolean reference = REFERENCE_WORDS.contains(words.get(words.size() - 1));
        return secretWord && !reference;
    }

    /**
     * The hardened pod: a non-root user with the runtime's seccomp profile, and containers without privilege
     * escalation, with a read-only root file system and no Linux capabilities.
     */
    public static List<String> securityContextProblems(JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        JsonNode pod = deployment.path("spec").path("template").path("spec").path("securityContext");
        if (!pod.path("runAsNonRoot").asBoolean(false)) {
            problems.add(Manifests.id(deployment) + ": pod securityContext lacks runAsNonRoot: true");
        }
        if (!"RuntimeDefault".equals(pod.path("seccompProfile").path("type").asText())) {
            problems.add(Manifests.id(deployment) + ": pod securityContext lacks seccompProfile RuntimeDefault");
        }
        for (JsonNode container : containers(deployment)) {
            String where = Manifests.id(deployment) + " container " + container.path("name").asText();
            JsonNode context = container.path("securityContext");
            if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + ": readOnlyRootFilesystem must be true");
            }
            if (!context.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(where + ": capabilities must drop ALL");
            }
        }
        return problems;
    }

    /** The Prometheus scrape annotations on the pod template, pointing at /q/metrics. */
    public static List<String> scrapeProblems(JsonNode deployment) {
        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        List<String> problems = new ArrayList<>();
        if (!"true".equals(annotations.path("prometheus.io/scrape").asText())) {
            problems.add(Manifests.id(deployment) + ": pod template lacks prometheus.io/scrape: \"true\"");
        }
        if (!"/q/metrics".equals(annotations.path("prometheus.io/path").asText())) {
            problems.add(Manifests.id(deployment) + ": pod template lacks prometheus.io/path: /q/metrics");
        }
        if (!"8080".equals(annotations.path("prometheus.io/port").asText())) {
            problems.add(Manifests.id(deployment) + ": pod template lacks prometheus.io/port: \"8080\"");
        }
        return problems;
    }

    public static JsonNode containers(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers");
    }

    /** The container's environment variable of that name, or a missing node. */
    public static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
