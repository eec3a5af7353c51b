package no.mrs.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server's extra settings are read from name=value pairs, in order; anything else is refused. */
class StackSettingsTest {

    @Test
    void postgresOptionsAreNameValuePairsSplitOnSpaces() {
        assertThat(Stack.Settings.postgresOptions(null)).isEmpty();
        assertThat(Stack.Settings.postgresOptions("  ")).isEmpty();
        assertThat(Stack.Settings.postgresOptions(
                " shared_preload_libraries=pg_stat_statements  pg_stat_statements.track=all log_min_duration_statement=0"))
                .containsExactly(
                        java.util.Map.entry("shared_preload_libraries", "pg_stat_statements"),
                        java.util.Map.entry("pg_stat_statements.track", "all"),
                        java.util.Map.entry("log_min_duration_statement", "0"));
        // a value may hold '=' itself; only the first one splits
        assertThat(Stack.Settings.postgresOptions("search_path=a=b")).containsEntry("search_path", "a=b");
    }

    @Test
    void anOptionWithoutANameOrValueSignIsRefused() {
        assertThatThrownBy(() -> Stack.Settings.postgresOptions("fsync")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fsync");
        assertThatThrownBy(() -> Stack.Settings.postgresOptions("=off")).isInstanceOf(IllegalArgumentException.class);
    }
}
