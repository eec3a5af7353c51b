package no.mrs.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The databases devstack hands out: made once, with the C collation (as CloudNativePG makes them in deploy/). */
class PostgresTest {

    @Test
    void aDatabaseIsMadeOnceWithTheCCollation(@TempDir Path data) throws Exception {
        try (Postgres postgres = Postgres.embedded(0, data, Map.of("fsync", "off"))) {
            postgres.ensureDatabase("collation_check");
            postgres.ensureDatabase("collation_check"); // a second time: already there, nothing done
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("collation_check"), postgres.user(),
                    postgres.password()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select datcollate, (select count(*) from pg_database where datname"
                            + " = 'collation_check') from pg_database where datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("C");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            assertThatThrownBy(() -> postgres.ensureDatabase("no; drop")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
