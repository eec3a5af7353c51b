package no.mrs.system;

import io.restassured.path.json.JsonPath;
import no.mrs.devstack.ManagedProcess;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.test.TestInfrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Packaged reporting-service processes as replicas: on one database of their own, all on the real broker that the
 * shared suite's goal-service and result-service publish to. Each replica keeps its port across restarts.
 */
final class ReportingReplicas implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
    private final TestInfrastructure infrastructure = TestInfrastructure.shared();
    private final String jdbcUrl;
    private final String name;
    private final List<Integer> ports = new ArrayList<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private int starts;

    ReportingReplicas(String name) {
        this.name = name;
        this.jdbcUrl = infrastructure.newDatabase("reporting");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** Starts one more replica on a port of its own; returns its index once it is ready. */
    int add() throws Exception {
        ports.add(freePort());
        processes.add(null);
        int replica = ports.size() - 1;
        start(replica);
        return replica;
    }

    /** Starts the replica (again) on its port; returns once its readiness is UP (it has caught up). */
    void start(int replica) throws Exception {
        ManagedProcess process = MrsService.REPORTING.start(root, ports.get(replica), jdbcUrl,
                infrastructure.postgres().user(), infrastructure.postgres().password(),
                infrastructure.bootstrapServers(),
                root.resolve("system-tests/target/logs/" + name + "-" + replica + "-" + (++starts) + ".log"),
                // as deployed: answered for a moment after SIGTERM while readiness says DOWN, then drained
                List.of("-Dquarkus.shutdown.delay=2s"));
        processes.set(replica, process);
        process.awaitHttpOk(url(replica) + "/q/health/ready", Duration.ofSeconds(180));
    }

    /** kill -9. */
    void kill(int replica) throws InterruptedException {
        processes.get(replica).kill();
    }

    /** SIGTERM, and waits until the process has ended. */
    void terminate(int replica) {
        processes.get(replica).stop(Duration.ofSeconds(30));
    }

    String url(int replica) {
        return "http://localhost:" + ports.get(replica);
    }

    int size() {
        return ports.size();
    }

    /** GET with a token; the body as JSON, or null when the replica does not answer 200. */
    static JsonPath get(String url, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new JsonPath(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the replica's readiness is UP. */
    boolean ready(int replica) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(replica) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        for (ManagedProcess process : processes) {
            if (process != null) {
                process.stop(Duration.ofSeconds(10));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
