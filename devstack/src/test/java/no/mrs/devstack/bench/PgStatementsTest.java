package no.mrs.devstack.bench;

import no.mrs.devstack.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's account of PostgreSQL's statements, against a real embedded server with and without the statistics. */
class PgStatementsTest {

    @Test
    void withTheStatisticsLoadedItReportsWhatRanSinceTheStartByDatabase(@TempDir Path data) throws Exception {
        try (Postgres postgres = Postgres.embedded(0, data,
                Map.of("shared_preload_libraries", "pg_stat_statements", "fsync", "off"))) {
            postgres.ensureDatabase("bench_a");
            run(postgres, "bench_a", "create table if not exists t (id int primary key, v text)");
            run(postgres, "bench_a", "insert into t values (0, 'x') on conflict do nothing");
            run(postgres, "bench_a", "update t set v = 'before the start' where id = 0");
            PgStatements statements = new PgStatements(postgres);
            assertThat(statements.start()).isTrue();
            run(postgres, "bench_a", "insert into t select g, 'x' from generate_series(1, 5000) g");

            Map<String, Double> perDatabase = statements.millisPerDatabase();
            List<PgStatements.Top> top = statements.stop(50);

            assertThat(perDatabase).containsKey("bench_a");
            assertThat(perDatabase.get("bench_a")).isPositive();
            PgStatements.Top insert = top.stream().filter(t -> t.text().contains("generate_series")).findFirst()
                    .orElseThrow();
            assertThat(insert.database()).isEqualTo("bench_a");
            assertThat(insert.calls()).isEqualTo(1);
            assertThat(insert.rows()).isEqualTo(5000);
            assertThat(insert.line()).contains("bench_a").contains("5000 rows");
            // the reset at the start: what ran before it is not counted
            assertThat(top).noneMatch(t -> t.text().startsWith("update t"));
        }
    }

    @Test
    void withoutTheStatisticsItDoesNothing(@TempDir Path data) throws Exception {
        try (Postgres postgres = Postgres.embedded(0, data, Map.of("fsync", "off"))) {
            PgStatements statements = new PgStatements(postgres);
            assertThat(statements.start()).isFalse();
            assertThat(statements.millisPerDatabase()).isEmpty();
            assertThat(statements.stop(10)).isEmpty();
        }
    }

    private static void run(Postgres postgres, String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
