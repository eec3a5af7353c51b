package no.mrs.system;

import no.mrs.devstack.ManagedProcess;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.test.TestInfrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services as separate processes, each with a fresh database of its own on the real
 * PostgreSQL and all on the real Kafka broker of {@link TestInfrastructure}.
 */
final class RunningSuite implements AutoCloseable {

    private final Map<MrsService, ManagedProcess> processes = new EnumMap<>(MrsService.class);
    private final Map<MrsService, Integer> ports = new EnumMap<>(MrsService.class);

    static RunningSuite start() throws Exception {
        Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        RunningSuite suite = new RunningSuite();
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
        for (MrsService service : MrsService.values()) {
            int port = freePort();
            String jdbcUrl = infrastructure.newDatabase(service.database);
            ManagedProcess process = service.start(root, port, jdbcUrl, infrastructure.postgres().user(),
                    infrastructure.postgres().password(), infrastructure.bootstrapServers(),
                    root.resolve("system-tests/target/logs/" + service.id + ".log"), List.of());
            suite.processes.put(service, process);
            suite.ports.put(service, port);
        }
        for (MrsService service : MrsService.values()) {
            suite.processes.get(service).awaitHttpOk(suite.url(service) + "/q/health/ready", Duration.ofSeconds(180));
        }
        return suite;
    }

    String url(MrsService service) {
        return "http://localhost:" + ports.get(service);
    }

    ManagedProcess process(MrsService service) {
        return processes.get(service);
    }

    @Override
    public void close() {
        List<ManagedProcess> all = new ArrayList<>(processes.values());
        all.forEach(p -> p.stop(Duration.ofSeconds(10)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
