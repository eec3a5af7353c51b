package no.mrs.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The three services of MRS and how to start one as a process from its packaged application. */
public enum MrsService {
    GOAL("goal-service", "goal", 8081),
    RESULT("result-service", "result", 8082),
    REPORTING("reporting-service", "reporting", 8083);

    public final String id;
    public final String database;
    public final int defaultPort;

    MrsService(String id, String database, int defaultPort) {
        this.id = id;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public Path jar(Path root) {
        return root.resolve(id).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Starts the packaged service with profile {@code local} (which trusts the local/test token key) against the
     * given database and broker.
     */
    public ManagedProcess start(Path root, int port, String jdbcUrl, String user, String password,
            String bootstrapServers, Path log, List<String> extraJvmOptions) throws IOException {
        return start(ManagedProcess.thisJava(), root, port, jdbcUrl, user, password, bootstrapServers, log,
                extraJvmOptions);
    }

    /** As above, on the given {@code java} executable. */
    public ManagedProcess start(Path java, Path root, int port, String jdbcUrl, String user, String password,
            String bootstrapServers, Path log, List<String> extraJvmOptions) throws IOException {
        return ManagedProcess.startQuarkusApp(id, java, jar(root), port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers), log, extraJvmOptions);
    }
}
