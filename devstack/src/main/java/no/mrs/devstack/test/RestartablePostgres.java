package no.mrs.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.mrs.devstack.Postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Quarkus test resource like {@link MrsTestInfrastructure}, but with a PostgreSQL server of the test class's own
 * (on a fixed port and a data directory that survives a restart) that the test may {@link #restart} — the shared
 * server of the test JVM must never go away under other test classes. Kafka is the shared broker.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> SERVER_CONFIG = Map.of("fsync", "off", "synchronous_commit", "off");
    private static final String DATABASE = "mrs";

    private static Postgres postgres;
    private static int port;
    private static Path data;

    @Override
    public synchronized Map<String, String> start() {
        try {
            port = freePort();
            data = Files.createTempDirectory("mrs-restartable-postgres");
            postgres = Postgres.embedded(port, data, SERVER_CONFIG);
            postgres.ensureDatabase(DATABASE);
        } catch (Exception e) {
            throw new IllegalStateException("Starting a PostgreSQL of the test's own failed", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", TestInfrastructure.shared().bootstrapServers());
        return config;
    }

    /** Stops the server (every connection is cut, new ones are refused), waits, and starts it on the same data. */
    public static synchronized void restart(Duration down) throws Exception {
        stopServer();
        Thread.sleep(down.toMillis());
        startServer();
    }

    /** Stops the server; {@link #startServer()} brings it back on the same data and port. */
    public static synchronized void stopServer() throws IOException {
        postgres.close();
    }

    public static synchronized void startServer() throws IOException {
        postgres = Postgres.embedded(port, data, SERVER_CONFIG);
    }

    @Override
    public synchronized void stop() {
        try {
            postgres.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
