package no.mrs.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            int pgPort, String externalPgUrl, List<String> serviceJvmOptions, int webPort, int oidcPort) {

        public Settings(Path state, Map<MrsService, Integer> servicePorts, int kafkaPort, int controllerPort,
                int pgPort, String externalPgUrl, List<String> serviceJvmOptions) {
            this(state, servicePorts, kafkaPort, controllerPort, pgPort, externalPgUrl, serviceJvmOptions, 0, 0);
        }

        /** The same, with the web app and the local OpenID provider on these ports (0: neither is started). */
        public Settings withWeb(int web, int oidc) {
            return new Settings(state, servicePorts, kafkaPort, controllerPort, pgPort, externalPgUrl,
                    serviceJvmOptions, web, oidc);
        }

        public boolean startsWeb() {
            return webPort > 0;
        }

        /** The default ports shifted by an offset (so that a test stack runs beside ./mrs up), embedded PostgreSQL. */
        public static Settings offset(Path state, int portOffset) {
            Map<MrsService, Integer> ports = new EnumMap<>(MrsService.class);
            for (MrsService service : MrsService.values()) {
                ports.put(service, service.defaultPort + portOffset);
            }
            return new Settings(state, ports, 9092 + portOffset, 9093 + portOffset, 5433 + portOffset, null,
                    serviceJvmOptionsFromEnvironment());
        }

        /**
         * Extra JVM options for the three services from {@code MRS_SERVICE_JVM_OPTIONS} (split on spaces), e.g. a
         * flight recording: {@code MRS_SERVICE_JVM_OPTIONS="-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile"}.
         */
        public static List<String> serviceJvmOptionsFromEnvironment() {
            String options = System.getenv("MRS_SERVICE_JVM_OPTIONS");
            return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
        }

        /**
         * Extra settings of the embedded PostgreSQL server from {@code MRS_POSTGRES_OPTIONS} ({@code name=value}
         * pairs split on spaces), e.g. the statement statistics the benchmark reports when they are loaded:
         * {@code MRS_POSTGRES_OPTIONS="shared_preload_libraries=pg_stat_statements"}.
         */
        public static Map<String, String> postgresOptionsFromEnvironment() {
            return postgresOptions(System.getenv("MRS_POSTGRES_OPTIONS"));
        }

        static Map<String, String> postgresOptions(String options) {
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            if (options == null || options.isBlank()) {
                return settings;
            }
            for (String option : options.trim().split("\\s+")) {
                int equals = option.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("MRS_POSTGRES_OPTIONS: expected name=value, got " + option);
                }
                settings.put(option.substring(0, equals), option.substring(equals + 1));
            }
            return settings;
        }
    }

    public record Urls(String goal, String result, String reporting) {
    }

    private final Map<MrsService, ManagedProcess> services = new EnumMap<>(MrsService.class);
    private final Map<MrsService, Duration> startUp = new EnumMap<>(MrsService.class);
    private final Settings settings;
    private Postgres postgres;
    private boolean ownPostgres;
    private KafkaProcess kafka;
    private LocalOidcProvider oidc;
    private ManagedProcess web;
    private Path root;
    private final ServiceRuntime runtime = ServiceRuntime.detect();

    private Stack(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts PostgreSQL (or uses the external one), Kafka, the services and, when asked, the web app. Until
     * {@link #close()}, the JVM stops all of it when it ends in any other way too (SIGTERM, SIGINT, or its main thread
     * returning): every launcher ({@code ./mrs up}, {@code bench}, {@code chaos}) and test leaves nothing running.
     */
    public static Stack start(Path root, Settings settings, Consumer<String> progress) throws Exception {
        Stack stack = new Stack(settings);
        Runtime.getRuntime().addShutdownHook(stack.exitHook);
        try {
            synchronized (stack.starting) {
                stack.startAll(root, progress);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Held while the stack starts, so that the JVM's exit waits for a start under way and then stops it all. */
    private final Object starting = new Object();
    private volatile boolean exiting;
    private final Thread exitHook = new Thread(this::stopOnExit, "mrs-stack-stop");

    /** The shutdown hook: the start under way gives up at its next step; then everything is stopped. */
    private void stopOnExit() {
        exiting = true;
        synchronized (starting) {
            close();
        }
    }

    /** Between the steps of a start: none is taken once the JVM is exiting (its hook stops what was started). */
    private void checkNotExiting() {
        if (exiting) {
            throw new IllegalStateException("the JVM is exiting: the stack's start is given up");
        }
    }

    private void startAll(Path root, Consumer<String> progress) throws Exception {
        this.root = root;
        Path state = settings.state();
        Files.createDirectories(state.resolve("logs"));
        if (settings.externalPgUrl() != null) {
            progress.accept("PostgreSQL: using " + settings.externalPgUrl());
            postgres = Postgres.external(settings.externalPgUrl(), env("MRS_PG_USER", "postgres"),
                    env("MRS_PG_PASSWORD", ""));
        } else {
            progress.accept("PostgreSQL: starting the embedded server on port " + settings.pgPort() + " (data in "
                    + root.relativize(state.resolve("postgres")) + ")");
            postgres = Postgres.embedded(settings.pgPort(), state.resolve("postgres"),
                    Settings.postgresOptionsFromEnvironment());
            ownPostgres = true;
        }
        for (MrsService service : MrsService.values()) {
            postgres.ensureDatabase(service.database);
        }
        if (settings.startsWeb()) {
            postgres.ensureDatabase(WebApp.DATABASE);
        }

        progress.accept("Kafka: starting a KRaft broker on port " + settings.kafkaPort() + " (data in "
                + root.relativize(state.resolve("kafka")) + ")");
        checkNotExiting();
        startKafka();
        kafka.createTopics();

        progress.accept("services: on " + runtime);
        checkNotExiting();
        trainAotCaches(progress);
        Map<MrsService, Long> begun = new EnumMap<>(MrsService.class);
        for (MrsService service : MrsService.values()) {
            progress.accept(service.id + ": starting on port " + settings.servicePorts().get(service) + " (log in "
                    + root.relativize(state.resolve("logs/" + service.id + ".log")) + ")");
            checkNotExiting();
            begun.put(service, System.nanoTime());
            launch(service);
        }
        if (settings.startsWeb()) {
            checkNotExiting();
            progress.accept("OpenID provider (local, demo users): starting on port " + settings.oidcPort());
            oidc = LocalOidcProvider.start(settings.oidcPort(), state);
            progress.accept("web: starting on port " + settings.webPort() + " (log in "
                    + root.relativize(state.resolve("logs/web.log")) + ")");
            web = WebApp.start(root, settings.webPort(), postgres.jdbcUrl(WebApp.DATABASE), postgres.user(),
                    postgres.password(), oidc.authServerUrl(), urls(), state.resolve("logs/web.log"),
                    settings.serviceJvmOptions());
            Leftovers.record(state, WebApp.ID, web.handle());
        }
        for (MrsService service : MrsService.values()) {
            awaitReady(service);
            startUp.put(service, Duration.ofNanos(System.nanoTime() - begun.get(service)));
            progress.accept(service.id + ": ready");
        }
        if (web != null) {
            web.awaitHttpOk(webUrl() + "/q/health/ready", Duration.ofSeconds(180));
            progress.accept("web: ready");
        }
    }

    /** The web app's address, when the stack runs it. */
    public String webUrl() {
        return "http://localhost:" + settings.webPort();
    }

    /** The local OpenID provider, when the stack runs the web app. */
    public LocalOidcProvider oidc() {
        return oidc;
    }

    /** The web app's process, when the stack runs it. */
    public ManagedProcess web() {
        return web;
    }

    /** JVM options of a service restarted with its own (after the stack's). */
    private final Map<MrsService, List<String>> extraJvmOptions = new EnumMap<>(MrsService.class);

    private void launch(MrsService service) throws java.io.IOException {
        Path state = settings.state();
        List<String> jvm = new java.util.ArrayList<>(runtime.runtimeOptions());
        jvm.addAll(settings.serviceJvmOptions());
        if (service == MrsService.REPORTING && settings.startsWeb()) {
            // the old dashboard address redirects to this stack's web app
            jvm.add("-Dmrs.reporting.web-app-url=" + webUrl());
        }
        jvm.addAll(extraJvmOptions.getOrDefault(service, List.of()));
        jvm.addAll(runtime.useOptions(service.jar(root), settings.serviceJvmOptions()));
        services.put(service, service.start(runtime.java(), root, settings.servicePorts().get(service),
                postgres.jdbcUrl(service.database), postgres.user(), postgres.password(), kafka.bootstrapServers(),
                state.resolve("logs/" + service.id + ".log"), jvm));
        Leftovers.record(state, service.id, services.get(service).handle());
    }

    /**
     * A training start of each service whose AOT cache is missing or stale (after a build): started as it is about to
     * be, on the stack's database and broker, ready, asked for its health, OpenAPI document and metrics, and stopped;
     * its JVM writes the cache as it exits (ServiceRuntime).
     */
    private void trainAotCaches(Consumer<String> progress) throws Exception {
        List<MrsService> untrained = java.util.Arrays.stream(MrsService.values())
                .filter(service -> runtime.needsTraining(service.jar(root), settings.serviceJvmOptions())).toList();
        if (untrained.isEmpty()) {
            return;
        }
        progress.accept("services: a training start of " + untrained.stream().map(s -> s.id).toList()
                + " for their AOT caches (once after each build; later starts are faster)");
        Map<MrsService, ManagedProcess> training = new EnumMap<>(MrsService.class);
        Map<MrsService, Path> outputs = new EnumMap<>(MrsService.class);
        try {
            for (MrsService service : untrained) {
                Path output = runtime.trainingOutput(service.jar(root));
                Files.deleteIfExists(output);
                outputs.put(service, output);
                List<String> jvm = new java.util.ArrayList<>(runtime.runtimeOptions());
                jvm.addAll(settings.serviceJvmOptions());
                jvm.addAll(runtime.trainingOptions(output));
                training.put(service, service.start(runtime.java(), root, settings.servicePorts().get(service),
                        postgres.jdbcUrl(service.database), postgres.user(), postgres.password(),
                        kafka.bootstrapServers(), settings.state().resolve("logs/" + service.id + "-aot-training.log"),
                        jvm));
                Leftovers.record(settings.state(), service.id, training.get(service).handle());
            }
            for (MrsService service : untrained) {
                training.get(service).awaitHttpOk(url(service) + "/q/health/ready", Duration.ofSeconds(180));
                for (String path : List.of("/q/health/live", "/q/openapi", "/q/metrics")) {
                    ManagedProcess.ask(url(service) + path);
                }
            }
        } finally {
            // each JVM writes its cache as it exits (a child process assembles it): all at once, then wait for them
            training.values().forEach(process -> process.handle().destroy());
            training.forEach((service, process) -> {
                process.stop(Duration.ofMinutes(3));
                Leftovers.forget(settings.state(), service.id);
            });
        }
        for (MrsService service : untrained) {
            if (!runtime.keep(service.jar(root), outputs.get(service), settings.serviceJvmOptions())) {
                progress.accept(service.id + ": its training start made no AOT cache (see "
                        + root.relativize(settings.state().resolve("logs/" + service.id + "-aot-training.log"))
                        + "); it starts without one");
            }
        }
    }

    /** The JDK the services run on, and whether they have AOT caches. */
    public ServiceRuntime runtime() {
        return runtime;
    }

    private void awaitReady(MrsService service) throws InterruptedException {
        services.get(service).awaitHttpOk(url(service) + "/q/health/ready", Duration.ofSeconds(180));
    }

    /** kill -9 of a service: for crash tests. */
    public void kill(MrsService service) throws InterruptedException {
        services.get(service).kill();
    }

    /** Starts a service again (after {@link #kill}) on the same port and database; returns when it is ready. */
    public void restart(MrsService service) throws Exception {
        restart(service, List.of());
    }

    /**
     * As {@link #restart(MrsService)}, with JVM options after the stack's (a later {@code -Xmx} wins), kept for later
     * restarts of the service.
     */
    public void restart(MrsService service, List<String> jvmOptions) throws Exception {
        if (services.get(service).isAlive()) {
            services.get(service).stop(Duration.ofSeconds(15));
        }
        if (!jvmOptions.isEmpty()) {
            extraJvmOptions.put(service, List.copyOf(jvmOptions));
        }
        launch(service);
        awaitReady(service);
    }

    /** Stops the broker (SIGTERM); its data stays. */
    public void stopKafka() {
        kafka.close();
        Leftovers.forget(settings.state(), "kafka");
    }

    /** Starts the broker on its data; returns when it answers. */
    public void startKafka() throws Exception {
        kafka = KafkaProcess.start(settings.state().resolve("kafka"), settings.kafkaPort(), settings.controllerPort(),
                kafkaClasspath(), settings.state().resolve("logs/kafka.log"));
        Leftovers.record(settings.state(), "kafka", kafka.process().handle());
    }

    /**
     * The broker's classpath: the runtime jars that the build copies to devstack/target/lib (as ./mrs uses them);
     * this JVM's own classpath when they are not there. A test runner's classpath may be a manifest-only jar.
     */
    private String kafkaClasspath() {
        Path lib = root.resolve("devstack/target/lib");
        if (Files.isDirectory(lib)) {
            return lib.toAbsolutePath() + "/*";
        }
        return System.getProperty("java.class.path");
    }

    /** Stops the embedded PostgreSQL server and starts it again on the same data and port. */
    public void restartPostgres(Duration down) throws Exception {
        if (!ownPostgres) {
            throw new IllegalStateException("PostgreSQL is not the stack's own");
        }
        postgres.close();
        Thread.sleep(down.toMillis());
        postgres = Postgres.embedded(settings.pgPort(), settings.state().resolve("postgres"),
                Settings.postgresOptionsFromEnvironment());
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

    /** The stack's state directory (data, logs). */
    public Path state() {
        return settings.state();
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    @Override
    public synchronized void close() {
        if (web != null) {
            web.stop(Duration.ofSeconds(15));
            web = null;
            Leftovers.forget(settings.state(), WebApp.ID);
        }
        if (oidc != null) {
            oidc.close();
            oidc = null;
        }
        services.forEach((service, process) -> {
            process.stop(Duration.ofSeconds(15));
            Leftovers.forget(settings.state(), service.id);
        });
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
            Leftovers.forget(settings.state(), "kafka");
        }
        if (postgres != null && ownPostgres) {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("  stopping PostgreSQL failed: " + e.getMessage());
            }
            postgres = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: this is its hook, or the hook runs beside it
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
