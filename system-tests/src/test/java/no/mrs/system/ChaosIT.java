package no.mrs.system;

import no.mrs.devstack.Stack;
import no.mrs.devstack.chaos.Chaos;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-injection suite of {@code ./mrs chaos --quick}, on a stack of processes of its own (Kafka broker and
 * PostgreSQL as processes, so that they can be stopped): runs in the {@code chaos} Maven profile, which CI
 * switches on ({@code CI=true}).
 */
class ChaosIT {

    @Test
    void nothingAcknowledgedIsLostOrCountedTwiceWhenProcessesAreKilledAndRestarted() throws Exception {
        Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
        Path state = StateDirectory.fresh(root.resolve("system-tests/target/chaos"));
        List<Chaos.Outcome> outcomes = new Chaos(root, true, message -> System.out.println("[chaos] " + message))
                .run(Stack.Settings.offset(state, 21_000));
        assertThat(outcomes).hasSize(6);
        assertThat(outcomes).as(() -> outcomes.stream().map(Chaos.Outcome::toString)
                .collect(Collectors.joining("\n"))).allMatch(Chaos.Outcome::passed);
    }
}
