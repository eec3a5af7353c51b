package no.mrs.system;

import no.mrs.devstack.Leftovers;
import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that started a stack and is ended with SIGTERM ({@code kill <pid>} of {@code ./mrs bench} or
 * {@code ./mrs chaos}, a CI job cancelled) stops what the stack started — PostgreSQL, the Kafka broker, the
 * services — instead of leaving them to hold their ports until the next launcher clears them up. ({@code ./mrs up}
 * itself: {@link LauncherCrashIT}.)
 */
class StackExitIT {

    static final int OFFSET = 24_000;

    final Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();

    @Test
    void sigtermToTheJvmThatStartedAStackStopsEverythingItStarted() throws Exception {
        Path state = StateDirectory.fresh(root.resolve("system-tests/target/stack-exit"));
        Path log = StateDirectory.fresh(root.resolve("system-tests/target/stack-exit-logs")).resolve("holder.log");
        List<String> parts = List.of(MrsService.GOAL.id, MrsService.RESULT.id, MrsService.REPORTING.id, "kafka");
        Process holder = null;
        try {
            String classpath = String.join(java.io.File.pathSeparator,
                    root.resolve("system-tests/target/test-classes").toString(),
                    root.resolve("devstack/target/mrs-devstack-0.1.0-SNAPSHOT.jar").toString(),
                    root.resolve("devstack/target/lib") + "/*");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-cp", classpath, StackHolder.class.getName(), root.toString(),
                    state.toString(), Integer.toString(OFFSET))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("MRS_PG_URL");
            builder.environment().remove("MRS_SERVICE_JVM_OPTIONS");
            holder = builder.start();
            ProcessOutput.await(holder, log, "STACK READY", "the stack's JVM");
            for (String part : parts) {
                assertThat(Leftovers.alive(state, part)).as(part + " runs").isPresent();
            }
            assertThat(Leftovers.postmaster(state.resolve("postgres"))).as("PostgreSQL runs").isPresent();

            holder.destroy(); // SIGTERM
            assertThat(holder.waitFor(180, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
            for (String part : parts) {
                assertThat(Leftovers.alive(state, part)).as(part + " stopped:\n" + Files.readString(log)).isEmpty();
            }
            assertThat(Leftovers.postmaster(state.resolve("postgres"))).as("PostgreSQL stopped").isEmpty();
        } finally {
            if (holder != null) {
                holder.destroyForcibly();
            }
            Leftovers.stop(state, message -> System.out.println("[stack-exit] cleanup: " + message));
        }
    }
}
