package no.mrs.system;

import no.mrs.devstack.DevTokens;
import no.mrs.devstack.Leftovers;
import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mrs up} killed with SIGKILL (no shutdown hook runs) leaves its PostgreSQL, Kafka broker and services
 * running; the next {@code ./mrs up} on the same state stops them and comes up, instead of failing with "port
 * already in use". The launcher runs as its own process, as {@code ./mrs} starts it ({@code --no-demo --no-web},
 * its own state directory and ports).
 */
class LauncherCrashIT {

    static final int OFFSET = 23_000;
    static final int GOAL_PORT = MrsService.GOAL.defaultPort + OFFSET;
    static final int KAFKA_PORT = 9092 + OFFSET;
    static final int PG_PORT = 5433 + OFFSET;
    static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));

    final Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();

    @Test
    void theNextLauncherStopsWhatAKilledOneLeftRunningAndComesUpOnTheSameState() throws Exception {
        Path state = StateDirectory.fresh(root.resolve("system-tests/target/launcher-crash"));
        Path logs = StateDirectory.fresh(root.resolve("system-tests/target/launcher-crash-logs"));
        String goal = "http://localhost:" + GOAL_PORT;
        List<Process> launchers = new ArrayList<>();
        try {
            Process first = launch(state, logs.resolve("first.log"), launchers);
            awaitReady(first, logs.resolve("first.log"));
            given().auth().oauth2(DIRECTORATE).contentType("application/json")
                    .body("{\"name\":\"Norge\",\"level\":\"NATIONAL\"}").put(goal + "/api/units/0000")
                    .then().statusCode(201);
            long goalPid = Leftovers.alive(state, MrsService.GOAL.id).orElseThrow().pid();
            long postmasterPid = Leftovers.postmaster(state.resolve("postgres")).orElseThrow().pid();

            first.destroyForcibly(); // SIGKILL: no shutdown hook
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // what it started lives on, and holds the ports
            assertThat(ProcessHandle.of(goalPid).filter(ProcessHandle::isAlive)).isPresent();
            assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isPresent();
            given().get(goal + "/q/health/ready").then().statusCode(200);
            assertThat(isFree(PG_PORT)).isFalse();
            assertThat(isFree(KAFKA_PORT)).isFalse();

            Process second = launch(state, logs.resolve("second.log"), launchers);
            awaitReady(second, logs.resolve("second.log"));
            String output = Files.readString(logs.resolve("second.log"));
            assertThat(output).contains("goal-service (pid " + goalPid + ") was left running")
                    .contains("PostgreSQL (pid " + postmasterPid + ") was left running")
                    .doesNotContain("already in use");
            assertThat(ProcessHandle.of(goalPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isEmpty();
            // the same state: what was written before the crash is there
            given().auth().oauth2(DIRECTORATE).get(goal + "/api/units/0000").then().statusCode(200);

            // a launcher started while this one runs refuses, and stops nothing
            Process third = launch(state, logs.resolve("third.log"), launchers);
            assertThat(third.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).isEqualTo(3);
            assertThat(Files.readString(logs.resolve("third.log"))).contains("./mrs up is already running");
            given().get(goal + "/q/health/ready").then().statusCode(200);

            // Ctrl-C (SIGTERM here) stops everything it started
            second.destroy();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            for (String name : List.of(MrsService.GOAL.id, MrsService.RESULT.id, MrsService.REPORTING.id, "kafka",
                    Leftovers.LAUNCHER)) {
                assertThat(Leftovers.alive(state, name)).as(name).isEmpty();
            }
            assertThat(Leftovers.postmaster(state.resolve("postgres"))).isEmpty();
        } finally {
            launchers.forEach(Process::destroyForcibly);
            Leftovers.stop(state, message -> System.out.println("[launcher-crash] cleanup: " + message));
        }
    }

    Process launch(Path state, Path log, List<Process> launchers) throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = root.resolve("devstack/target/mrs-devstack-0.1.0-SNAPSHOT.jar") + java.io.File.pathSeparator
                + root.resolve("devstack/target/lib") + "/*";
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx512m", "-Dmrs.root=" + root,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=error",
                "-cp", classpath, "no.mrs.devstack.Mrs", "up", "--no-demo", "--no-web", "--state", state.toString()));
        Map<String, Integer> ports = Map.of("goal-port", GOAL_PORT, "result-port", MrsService.RESULT.defaultPort + OFFSET,
                "reporting-port", MrsService.REPORTING.defaultPort + OFFSET, "kafka-port", KAFKA_PORT,
                "kafka-controller-port", 9093 + OFFSET, "pg-port", PG_PORT);
        ports.forEach((flag, port) -> command.addAll(List.of("--" + flag, Integer.toString(port))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("MRS_PG_URL");
        builder.environment().remove("MRS_SERVICE_JVM_OPTIONS");
        Process process = builder.start();
        launchers.add(process);
        return process;
    }

    /** Until the launcher prints that MRS is ready; fails at once when it exits. */
    static void awaitReady(Process launcher, Path log) throws Exception {
        ProcessOutput.await(launcher, log, "MRS is ready", "./mrs up");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
