package no.mrs.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./mrs up}: PostgreSQL (one database per service), a Kafka broker and the three services as processes,
 * demo data through the public APIs, then "ready". State lives in {@code .mrs/} (git-ignored) and survives a
 * restart; Ctrl-C stops everything that was started.
 */
final class LocalStack {

    private final Path root;
    private final Options options;
    private final Path state;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<MrsService, ManagedProcess> services = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    LocalStack(Path root, Options options) {
        this.root = root;
        this.options = options;
        this.state = root.resolve(".mrs");
    }

    int run() throws Exception {
        int goalPort = options.port("goal-port", "MRS_GOAL_PORT", MrsService.GOAL.defaultPort);
        int resultPort = options.port("result-port", "MRS_RESULT_PORT", MrsService.RESULT.defaultPort);
        int reportingPort = options.port("reporting-port", "MRS_REPORTING_PORT", MrsService.REPORTING.defaultPort);
        int kafkaPort = options.port("kafka-port", "MRS_KAFKA_PORT", 9092);
        int controllerPort = options.port("kafka-controller-port", "MRS_KAFKA_CONTROLLER_PORT", 9093);
        int pgPort = options.port("pg-port", "MRS_PG_PORT", 5433);
        String externalPg = System.getenv("MRS_PG_URL");

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("goal-service", goalPort);
        ports.put("result-service", resultPort);
        ports.put("reporting-service", reportingPort);
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka controller", controllerPort);
        if (externalPg == null) {
            ports.put("PostgreSQL", pgPort);
        }
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (!isFree(port.getValue())) {
                System.err.printf("Port %d (%s) is already in use. Stop what uses it, or choose another port "
                        + "(./mrs up --help lists the flags and variables).%n", port.getValue(), port.getKey());
                return 3;
            }
        }
        for (MrsService service : MrsService.values()) {
            if (!Files.exists(service.jar(root))) {
                System.err.println(service.jar(root) + " is missing; run ./mvnw install -DskipTests");
                return 3;
            }
        }
        if (options.flag("fresh")) {
            progress("Starting fresh: removing " + root.relativize(state));
            deleteRecursively(state);
        }
        Files.createDirectories(state.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "mrs-stop"));

        try {
            long begin = System.nanoTime();
            Postgres postgres;
            if (externalPg != null) {
                progress("PostgreSQL: using " + externalPg);
                postgres = Postgres.external(externalPg, env("MRS_PG_USER", "postgres"), env("MRS_PG_PASSWORD", ""));
            } else {
                progress("PostgreSQL: starting the embedded server on port " + pgPort + " (data in .mrs/postgres)");
                postgres = Postgres.embedded(pgPort, state.resolve("postgres"), Map.of());
                started.add(postgres);
            }
            for (MrsService service : MrsService.values()) {
                postgres.ensureDatabase(service.database);
            }

            progress("Kafka: starting a KRaft broker on port " + kafkaPort + " (data in .mrs/kafka)");
            KafkaProcess kafka = KafkaProcess.start(state.resolve("kafka"), kafkaPort, controllerPort,
                    classpath(), state.resolve("logs/kafka.log"));
            started.add(kafka);
            kafka.createTopics();

            Map<MrsService, Integer> servicePorts = Map.of(MrsService.GOAL, goalPort, MrsService.RESULT, resultPort,
                    MrsService.REPORTING, reportingPort);
            for (MrsService service : MrsService.values()) {
                progress(service.id + ": starting on port " + servicePorts.get(service) + " (log in .mrs/logs/"
                        + service.id + ".log)");
                ManagedProcess process = service.start(root, servicePorts.get(service),
                        postgres.jdbcUrl(service.database), postgres.user(), postgres.password(),
                        kafka.bootstrapServers(), state.resolve("logs/" + service.id + ".log"), List.of());
                services.put(service, process);
                started.add(() -> process.stop(Duration.ofSeconds(15)));
            }
            for (Map.Entry<MrsService, ManagedProcess> entry : services.entrySet()) {
                entry.getValue().awaitHttpOk("http://localhost:" + servicePorts.get(entry.getKey()) + "/q/health/ready",
                        Duration.ofSeconds(120));
                progress(entry.getKey().id + ": ready");
            }

            Urls urls = new Urls("http://localhost:" + goalPort, "http://localhost:" + resultPort,
                    "http://localhost:" + reportingPort);
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
                      Dashboard            %s/
                      goal-service         %s/q/swagger-ui
                      result-service       %s/q/swagger-ui
                      reporting-service    %s/q/swagger-ui
                      Kafka                localhost:%d      PostgreSQL  %s
                      Logs                 .mrs/logs/
                    A viewer token (LOCAL/TEST-ONLY, 12 h; ./mrs token makes others):
                    %s
                    %n""", (System.nanoTime() - begin) / 1e9, urls.reporting(), urls.goal(), urls.result(),
                    urls.reporting(), kafkaPort, externalPg != null ? externalPg : "localhost:" + pgPort, viewer);
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

    record Urls(String goal, String result, String reporting) {
    }

    /** Blocks until Ctrl-C; if a process dies on its own, says so and stops the rest. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            for (ManagedProcess process : services.values()) {
                if (!process.isAlive() && !stopping) {
                    System.err.printf("%n%s exited with code %d; see %s. Stopping MRS.%n", process.name(),
                            process.exitValue(), root.relativize(process.log()));
                    stopAll();
                    return;
                }
            }
            if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private synchronized void stopAll() {
        if (stopping && stopped.getCount() == 0) {
            return;
        }
        stopping = true;
        System.out.println("\nStopping MRS…");
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("  stopping failed: " + e.getMessage());
            }
        }
        started.clear();
        System.out.println("Stopped.");
        stopped.countDown();
    }

    private void progress(String message) {
        System.out.println("[mrs] " + message);
        System.out.flush();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The runtime classpath of mrs-devstack (Kafka's jars among them), as ./mrs passes it. */
    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void deleteRecursively(Path directory) throws IOException {
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
