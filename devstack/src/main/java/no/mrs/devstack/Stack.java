package no.mrs.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The running suite: PostgreSQL (one database per service), a Kafka broker process and the three services as
 * processes, started in that order and stopped in reverse. Used by {@code ./mrs up} and {@code ./mrs bench}.
 */
public final class Stack implements AutoCloseable {

    /** Where the state lives, the ports, and the services' extra JVM options. */
    public record Settings(Path state, Map<MrsService, Integer> servicePorts, int kafkaPort, int controllerPort,
            int pgPort, String externalPgUrl, List<String> serviceJvmOptions) {
    }

    public record Urls(String goal, String result, String reporting) {
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<MrsService, ManagedProcess> services = new EnumMap<>(MrsService.class);
    private final Map<MrsService, Duration> startUp = new EnumMap<>(MrsService.class);
    private final Settings settings;
    private Postgres postgres;
    private KafkaProcess kafka;

    private Stack(Settings settings) {
        this.settings = settings;
    }

    public static Stack start(Path root, Settings settings, Consumer<String> progress) throws Exception {
        Stack stack = new Stack(settings);
        try {
            stack.startAll(root, progress);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Path root, Consumer<String> progress) throws Exception {
        Path state = settings.state();
        Files.createDirectories(state.resolve("logs"));
        if (settings.externalPgUrl() != null) {
            progress.accept("PostgreSQL: using " + settings.externalPgUrl());
            postgres = Postgres.external(settings.externalPgUrl(), env("MRS_PG_USER", "postgres"),
                    env("MRS_PG_PASSWORD", ""));
        } else {
            progress.accept("PostgreSQL: starting the embedded server on port " + settings.pgPort() + " (data in "
                    + root.relativize(state.resolve("postgres")) + ")");
            postgres = Postgres.embedded(settings.pgPort(), state.resolve("postgres"), Map.of());
            started.add(postgres);
        }
        for (MrsService service : MrsService.values()) {
            postgres.ensureDatabase(service.database);
        }

        progress.accept("Kafka: starting a KRaft broker on port " + settings.kafkaPort() + " (data in "
                + root.relativize(state.resolve("kafka")) + ")");
        kafka = KafkaProcess.start(state.resolve("kafka"), settings.kafkaPort(), settings.controllerPort(),
                System.getProperty("java.class.path"), state.resolve("logs/kafka.log"));
        started.add(kafka);
        kafka.createTopics();

        Map<MrsService, Long> begun = new EnumMap<>(MrsService.class);
        for (MrsService service : MrsService.values()) {
            int port = settings.servicePorts().get(service);
            progress.accept(service.id + ": starting on port " + port + " (log in "
                    + root.relativize(state.resolve("logs/" + service.id + ".log")) + ")");
            begun.put(service, System.nanoTime());
            ManagedProcess process = service.start(root, port, postgres.jdbcUrl(service.database), postgres.user(),
                    postgres.password(), kafka.bootstrapServers(), state.resolve("logs/" + service.id + ".log"),
                    settings.serviceJvmOptions());
            services.put(service, process);
            started.add(() -> process.stop(Duration.ofSeconds(15)));
        }
        for (MrsService service : MrsService.values()) {
            services.get(service).awaitHttpOk(url(service) + "/q/health/ready", Duration.ofSeconds(180));
            startUp.put(service, Duration.ofNanos(System.nanoTime() - begun.get(service)));
            progress.accept(service.id + ": ready");
        }
    }

    public String url(MrsService service) {
        return "http://localhost:" + settings.servicePorts().get(service);
    }

    public Urls urls() {
        return new Urls(url(MrsService.GOAL), url(MrsService.RESULT), url(MrsService.REPORTING));
    }

    public Map<MrsService, ManagedProcess> services() {
        return services;
    }

    /** Time from each service's process start to its first ready answer. */
    public Map<MrsService, Duration> startUpTimes() {
        return startUp;
    }

    public Postgres postgres() {
        return postgres;
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("  stopping failed: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
