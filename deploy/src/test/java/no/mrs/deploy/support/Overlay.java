package no.mrs.deploy.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The kustomize overlays, rendered with {@code kubectl kustomize} exactly as an operator renders them.
 *
 * <p>Without kubectl on the PATH the rendering tests are skipped with an assumption message rather
 * than checked against a home-made re-implementation of kustomize, which could disagree with the
 * real one. kubectl is installed on the developers' machines and in CI.
 */
public enum Overlay {
    DEV("overlays/dev"),
    PROD("overlays/prod");

    private static final Map<Overlay, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    public Path directory() {
        return Paths.deployDir().resolve(directory);
    }

    /** The rendered resources; each call returns fresh copies, so tests may mutate them. */
    public Manifests render() {
        List<ObjectNode> resources = RENDERED.computeIfAbsent(this, Overlay::kustomize);
        return new Manifests(resources.stream().map(ObjectNode::deepCopy).toList());
    }

    private List<ObjectNode> kustomize() {
        assumeTrue(kubectlAvailable(), "kubectl is not on the PATH, so " + directory + " was not rendered"
                + " and its manifests were NOT validated. Install kubectl (it bundles kustomize) to run these checks.");
        try {
            Path output = Files.createTempFile("mrs-kustomize-", ".yaml");
            Path errorOutput = Files.createTempFile("mrs-kustomize-", ".err");
            Process process = new ProcessBuilder("kubectl", "kustomize", directory().toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errorOutput.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 120 s");
            }
            String errors = Files.readString(errorOutput, StandardCharsets.UTF_8);
            Files.delete(errorOutput);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n" + errors);
            }
            String rendered = Files.readString(output);
            Files.delete(output);
            return Yaml.readAll(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static boolean kubectlAvailable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "kubectl"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return directory;
    }
}
