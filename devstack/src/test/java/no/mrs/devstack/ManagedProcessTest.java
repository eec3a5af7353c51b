package no.mrs.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's heap is committed as large as its ceiling, whichever ceiling it is given. */
class ManagedProcessTest {

    @Test
    void aServiceHeapIsCommittedToItsCeilingAndMovesWithAGivenCeiling() {
        assertThat(ManagedProcess.heapOptions(List.of())).containsExactly("-Xms256m", "-Xmx256m");
        assertThat(ManagedProcess.heapOptions(List.of("-XX:AOTCache=x", "-Xmx512m", "-Xlog:gc")))
                .containsExactly("-Xms512m", "-Xmx256m");
        // the last -Xmx is the JVM's: the committed heap follows it
        assertThat(ManagedProcess.heapOptions(List.of("-Xmx512m", "-Xmx1g"))).containsExactly("-Xms1g", "-Xmx256m");
    }
}
