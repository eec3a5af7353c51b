package no.mrs.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./mrs up}: the {@link Stack} with demo data, then "ready". State lives in {@code .mrs/} (git-ignored)
 * and survives a restart; Ctrl-C stops everything that was started.
 */
final class LocalStack {

    private final Path root;
    private final Options options;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Stack stack;
    private volatile boolean stopping;
    private volatile Path state;

    LocalStack(Path root, Options options) {
        this.root = root;
        this.options = options;
    }

    /** The settings from flags and environment variables, with the given defaults. */
    static Stack.Settings settings(Options options, Path state, int portOffset) {
        Map<MrsService, Integer> ports = new EnumMap<>(MrsService.class);
        ports.put(MrsService.GOAL, options.port("goal-port", "MRS_GOAL_PORT", 8081 + portOffset));
        ports.put(MrsService.RESULT, options.port("result-port", "MRS_RESULT_PORT", 8082 + portOffset));
        ports.put(MrsService.REPORTING, options.port("reporting-port", "MRS_REPORTING_PORT", 8083 + portOffset));
        Stack.Settings settings = new Stack.Settings(state, ports,
                options.port("kafka-port", "MRS_KAFKA_PORT", 9092 + portOffset),
                options.port("kafka-controller-port", "MRS_KAFKA_CONTROLLER_PORT", 9093 + portOffset),
                options.port("pg-port", "MRS_PG_PORT", 5433 + portOffset),
                System.getenv("MRS_PG_URL"), Stack.Settings.serviceJvmOptionsFromEnvironment());
        if (options.flag("no-web")) {
            return settings;
        }
        return settings.withWeb(options.port("web-port", "MRS_WEB_PORT", WebApp.DEFAULT_PORT + portOffset),
                options.port("oidc-port", "MRS_OIDC_PORT", WebApp.DEFAULT_OIDC_PORT + portOffset));
    }

    /** A clear message and false when a port is taken or a service is not built. */
    static boolean preflight(Path root, Stack.Settings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (settings.startsWeb()) {
            ports.put("web", settings.webPort());
            ports.put("OpenID provider", settings.oidcPort());
        }
        settings.servicePorts().forEach((service, port) -> ports.put(service.id, port));
        ports.put("Kafka", settings.kafkaPort());
        ports.put("Kafka controller", settings.controllerPort());
        if (settings.externalPgUrl() == null) {
            ports.put("PostgreSQL", settings.pgPort());
        }
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (!isFree(port.getValue())) {
                System.err.printf("Port %d (%s) is already in use. Stop what uses it, or choose another port "
                        + "(./mrs help lists the flags and variables).%n", port.getValue(), port.getKey());
                return false;
            }
        }
        for (MrsService service : MrsService.values()) {
            if (!Files.exists(service.jar(root))) {
                System.err.println(service.jar(root) + " is missing; run ./mvnw package -DskipTests");
                return false;
            }
        }
        if (settings.startsWeb() && !Files.exists(WebApp.jar(root))) {
            System.err.println(WebApp.jar(root) + " is missing; run ./mvnw package -DskipTests");
            return false;
        }
        return true;
    }

    int run() throws Exception {
        Path state = root.resolve(options.value("state", ".mrs")).toAbsolutePath().normalize();
        Stack.Settings settings = settings(options, state, 0);
        this.state = state;
        if (!takeOver(state)) {
            return 3;
        }
        if (!preflight(root, settings)) {
            Leftovers.forget(state, Leftovers.LAUNCHER);
            return 3;
        }
        if (options.flag("fresh")) {
            progress("Starting fresh: removing " + root.relativize(state) + "/");
            deleteRecursively(state);
            Leftovers.record(state, Leftovers.LAUNCHER, ProcessHandle.current());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "mrs-stop"));
        try {
            long begin = System.nanoTime();
            stack = Stack.start(root, settings, this::progress);
            Stack.Urls urls = stack.urls();
            Path seeded = state.resolve("demo-seeded");
            if (options.flag("no-demo")) {
                progress("Demo data: skipped (--no-demo)");
            } else if (Files.exists(seeded)) {
                progress("Demo data: already loaded (./mrs up --fresh starts empty)");
            } else {
                new DemoSeeder(urls, this::progress).seed();
                Files.writeString(seeded, java.time.Instant.now() + "\n");
            }
            String viewer = DevTokens.token().subject("demo-viewer").roles("viewer").units("0000")
                    .expiresIn(Duration.ofHours(12)).sign();
            System.out.printf("""

                    MRS is ready (%.0f s). Ctrl-C stops everything.
                      Web app              %s
                      goal-service         %s/q/swagger-ui
                      result-service       %s/q/swagger-ui
                      reporting-service    %s/q/swagger-ui
                      Kafka                localhost:%d      PostgreSQL  %s
                      Logs                 %s/
                    A viewer token (LOCAL/TEST-ONLY, 12 h; ./mrs token makes others):
                    %s
                    %n""", (System.nanoTime() - begin) / 1e9,
                    settings.startsWeb() ? stack.webUrl() + "/   (log in as a demo user)" : "not started (--no-web)",
                    urls.goal(), urls.result(),
                    urls.reporting(), settings.kafkaPort(),
                    settings.externalPgUrl() != null ? settings.externalPgUrl() : "localhost:" + settings.pgPort(),
                    root.relativize(state.resolve("logs")), viewer);
            System.out.flush();
            watch();
            return 0;
        } catch (Exception e) {
            if (!stopping) {
                System.err.println("\nStarting MRS failed: " + e.getMessage());
            }
            stopAll();
            return 1;
        }
    }

    /**
     * Makes this launcher the one of the state directory: refuses when another {@code ./mrs up} runs on it, and
     * stops what a launcher that was killed without stopping (kill -9, a closed terminal) left running there.
     */
    private boolean takeOver(Path state) {
        var other = Leftovers.alive(state, Leftovers.LAUNCHER);
        if (other.isPresent() && other.get().pid() != ProcessHandle.current().pid()) {
            System.err.printf("./mrs up is already running on %s (pid %d). Stop it first (Ctrl-C in its terminal).%n",
                    state, other.get().pid());
            return false;
        }
        if (Leftovers.stop(state, this::progress) > 0) {
            progress("Stopped what the last ./mrs up left running; starting again on the same state");
        }
        Leftovers.record(state, Leftovers.LAUNCHER, ProcessHandle.current());
        return true;
    }

    /** Blocks until Ctrl-C; if a service dies on its own, says so and stops the rest. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            List<ManagedProcess> processes = new java.util.ArrayList<>(stack.services().values());
            if (stack.web() != null) {
                processes.add(stack.web());
            }
            for (ManagedProcess process : processes) {
                if (!process.isAlive() && !stopping) {
                    System.err.printf("%n%s exited with code %d; see %s. Stopping MRS.%n", process.name(),
                            process.exitValue(), root.relativize(process.log()));
                    stopAll();
                    return;
                }
            }
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopping = true;
        System.out.println("\nStopping MRS…");
        if (stack != null) {
            stack.close();
        }
        if (state != null) {
            Leftovers.forget(state, Leftovers.LAUNCHER);
        }
        System.out.println("Stopped.");
        stopped.countDown();
    }

    private void progress(String message) {
        System.out.println("[mrs] " + message);
        System.out.flush();
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
