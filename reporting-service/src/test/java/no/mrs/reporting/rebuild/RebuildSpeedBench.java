package no.mrs.reporting.rebuild;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test but a measurement, run only when asked ({@code -Dmrs.bench.rebuild=200000 -Dtest=RebuildSpeedBench}):
 * publishes about that many events shaped like the benchmark's (every figure reported, then corrected pass after
 * pass), waits until the live model has them, rebuilds, and logs the events per second. It asserts only that the
 * rebuild completed with the same checksum, never a time.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
@Tag("bench")
@EnabledIfSystemProperty(named = "mrs.bench.rebuild", matches = "[0-9]+")
class RebuildSpeedBench {

    private static final Logger LOG = Logger.getLogger(RebuildSpeedBench.class);

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static double jvmCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /**
     * The CPU time of the embedded PostgreSQL's processes that are alive now (the postmaster's children, found by
     * their parent in /proc; the postmaster's pid is the first line of postmaster.pid in its data directory).
     */
    private double databaseCpuSeconds() {
        try {
            long postmaster;
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("show data_directory")) {
                rs.next();
                postmaster = Long.parseLong(java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
            }
            double total = 0;
            try (java.util.stream.Stream<java.nio.file.Path> procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path proc : (Iterable<java.nio.file.Path>) procs::iterator) {
                    if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = java.nio.file.Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after the command: state, ppid, ..., utime and stime (11 and 12), in clock ticks
                        long pid = Long.parseLong(proc.getFileName().toString());
                        if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                }
            }
            return total;
        } catch (java.io.IOException | java.sql.SQLException e) {
            LOG.warnf("No CPU time of PostgreSQL: %s", e.getMessage());
            return 0;
        }
    }

    @Test
    void rebuildSpeed() {
        int wanted = Integer.getInteger("mrs.bench.rebuild");
        int indicators = 20;
        int months = 48;
        // ~47 % of the events first reports, the rest corrections (the full bench: ~470,000 keys in 1,000,000)
        int offices = Math.max(1, wanted * 47 / 100 / (indicators * months));
        List<EventPayload> setup = new ArrayList<>(List.of(national("9000", "Benchland"),
                region("9100", "Nav Bench", "9000")));
        for (int i = 0; i < indicators; i++) {
            setup.add(ratio("BR." + i, "Bench " + i));
        }
        for (int o = 0; o < offices; o++) {
            setup.add(office(String.format("B%04d", o), "Nav B" + o, "9100"));
        }
        Feed.sendMany(Instant.now(), setup);
        List<ResultRecorded> firsts = new ArrayList<>();
        for (int o = 0; o < offices; o++) {
            for (int i = 0; i < indicators; i++) {
                for (int m = 0; m < months; m++) {
                    firsts.add(result(String.format("B%04d", o), "BR." + i,
                            String.format("%d-%02d", 2018 + m / 12, m % 12 + 1), 10 + o % 50, 100, "first report"));
                }
            }
        }
        long start = System.nanoTime();
        Feed.sendMany(Instant.now(), firsts);
        int sent = setup.size() + firsts.size();
        for (int pass = 1; sent < wanted; pass++) {
            List<EventPayload> corrections = new ArrayList<>();
            for (ResultRecorded first : firsts) {
                if (sent + corrections.size() >= wanted) {
                    break;
                }
                corrections.add(corrected(first, 10 + pass + first.numerator().intValue() % 7, 100,
                        "benchmark: history of corrections, pass " + pass));
            }
            Feed.sendMany(Instant.now(), corrections);
            sent += corrections.size();
        }
        LOG.infof("Rebuild benchmark: published %d events (%d figures) in %.1f s", sent, firsts.size(),
                (System.nanoTime() - start) / 1e9);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(Api.VIEWER).get("/api/status").then().statusCode(200).extract().jsonPath()
                        .getLong("lag") == 0);
        String before = Api.checksum();
        LOG.infof("Rebuild benchmark: the live model has them (%.1f s after publishing began)",
                (System.nanoTime() - start) / 1e9);

        double jvmCpu = jvmCpuSeconds();
        double databaseCpu = databaseCpuSeconds();
        long began = System.nanoTime();
        String id = given().auth().oauth2(Api.OPERATOR).post("/api/admin/rebuilds").then().statusCode(202).extract()
                .path("rebuildId");
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + id).then()
                        .extract().path("state")));
        double seconds = (System.nanoTime() - began) / 1e9;
        long applied = ((Number) given().auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + id).then()
                .extract().path("eventsApplied")).longValue();
        double jvm = jvmCpuSeconds() - jvmCpu;
        double database = databaseCpuSeconds() - databaseCpu;
        LOG.infof("Rebuild benchmark: %d events in %.1f s = %.0f events/s; CPU: this JVM (service and broker) %.1f s,"
                + " PostgreSQL %.1f s = %.0f events per CPU second (heap max %d MB)", applied, seconds,
                applied / seconds, jvm, database, applied / (jvm + database), Runtime.getRuntime().maxMemory() >> 20);
        assertThat(given().auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + id).then().extract()
                .<String>path("state")).isEqualTo("COMPLETED");
        assertThat(Api.checksum()).isEqualTo(before);
    }
}
