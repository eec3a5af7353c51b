package no.mrs.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local stack (a service or the Kafka broker): its output goes to a log file, it is
 * stopped politely (SIGTERM) and then forcibly, and its readiness is polled.
 */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> <arguments>} with the same JDK that runs this JVM. */
    public static ManagedProcess startJava(String name, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Path log) throws IOException {
        return startJava(name, thisJava(), jvmOptions, arguments, environment, log);
    }

    /** Starts {@code <java> <jvmOptions> <arguments>}. */
    public static ManagedProcess startJava(String name, Path java, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ManagedProcess(name, builder.start(), log);
    }

    /**
     * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) in profile {@code local} on the
     * given port, with the heap of a service and the given extra environment.
     */
    public static ManagedProcess startQuarkusApp(String name, Path jar, int port, Map<String, String> environment,
            Path log, List<String> extraJvmOptions) throws IOException {
        return startQuarkusApp(name, thisJava(), jar, port, environment, log, extraJvmOptions);
    }

    /** As above, on the given {@code java} executable. */
    public static ManagedProcess startQuarkusApp(String name, Path java, Path jar, int port,
            Map<String, String> environment, Path log, List<String> extraJvmOptions) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        List<String> jvm = new ArrayList<>(heapOptions(extraJvmOptions));
        jvm.add("-XX:+ExitOnOutOfMemoryError");
        jvm.addAll(extraJvmOptions);
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return startJava(name, java, jvm, List.of("-jar", jar.toString()), env, log);
    }

    /**
     * A service's heap: 256 MB, committed from the start ({@code -Xms} as large as {@code -Xmx}, as a container
     * is usually given): G1 otherwise shrank reporting-service's heap to half of its ceiling while idle and then
     * collected the young generation several times a second under a burst of reads (docs/PERFORMANCE.md). A
     * {@code -Xmx} among the extra options (they come after these, so theirs wins) moves the committed heap with
     * it; an {@code -Xms} among them wins over this one.
     */
    static List<String> heapOptions(List<String> extraJvmOptions) {
        String heap = "256m";
        for (String option : extraJvmOptions) {
            if (option.startsWith("-Xmx")) {
                heap = option.substring(4);
            }
        }
        return List.of("-Xms" + heap, "-Xmx256m");
    }

    /** The {@code java} executable of the JDK that runs this JVM. */
    static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A GET whose answer does not matter (a training start's work): any status, no body, failures ignored. */
    static void ask(String url) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the training only loses a little of its coverage
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Polls an HTTP URL until it answers 200; fails early when the process dies. */
    public void awaitHttpOk(String url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** SIGTERM, then SIGKILL after the grace period; also ends the process's own children. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL at once: for crash tests. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
