package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.rebuild.Checksum;
import no.mrs.reporting.rebuild.RebuildService;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Only the replica holding the slot's advisory lock saves, and only in the lock's own session. Here the test plays
 * the other replica: it cuts this replica's session (as a lost connection would) and takes the lock itself. This
 * replica goes on answering from memory but saves nothing, however sure it was that it led; when the lock is free
 * again it takes over and saves exactly what the slot lacks.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class LeadershipTest {

    @Inject
    ReadModels models;

    @Inject
    SlotStore store;

    @Inject
    Leadership leadership;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplicaThatLostItsSessionSavesNothingAndTheNextLeaderSavesWhatTheSlotLacks() throws Exception {
        Api.publish(national("4400", "Lederland"), region("4410", "Nav Nord", "4400"),
                office("4411", "Nav Nordby", "4410"), ratio("LE.1", "Andel"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(models::saving);
        assertThat(given().auth().oauth2(Api.VIEWER).get("/api/status").then().statusCode(200).extract()
                .<Boolean>path("leader")).isTrue();

        try (Connection other = dataSource.getConnection()) {
            // the lock is taken: another replica cannot lead
            assertThat(tryLock(other)).isFalse();

            // this replica's session is cut; the other replica takes the lock before this one can again
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                terminateLeaderSession();
                return tryLock(other);
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !leadership.isLeader());

            Feed.send(result("4411", "LE.1", "2021-06", 3, 4));
            Api.awaitCaughtUp();
            // answered from memory...
            assertThat(row("4410", "2021-06", "LE.1").month()).isCloseTo(75.0, within(1e-9));
            // ...but the slot did not get it: this replica is not the leader
            assertThat(savedResults("4411")).isZero();
            Map<PartitionId, Long> inMemory = models.read(m -> {
                Map<PartitionId, Long> next = new HashMap<>();
                m.positions().forEach((p, position) -> next.put(p, position.nextOffset()));
                return next;
            });
            assertThat(store.state().nextOffsets()).isNotEqualTo(inMemory);
            assertThat(given().auth().oauth2(Api.VIEWER).get("/api/status").then().statusCode(200).extract()
                    .<Boolean>path("leader")).isFalse();

            unlock(other);
        }

        // the lock is free: this replica takes over and saves what it applied while it followed
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(models::saving);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> savedResults("4411") == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Checksum.of(store.load(models.activeSlot())).checksum())
                        .isEqualTo(models.read(model -> Checksum.of(model).checksum())));
        Map<PartitionId, Long> saved = store.state().nextOffsets();
        models.read(m -> {
            for (Map.Entry<PartitionId, Position> e : m.positions().entrySet()) {
                assertThat(saved.get(e.getKey())).as("saved offset of " + e.getKey())
                        .isEqualTo(e.getValue().nextOffset());
            }
            return null;
        });
    }

    @Test
    void aRebuildRunningOnAnotherReplicaMakesARebuildHereWait() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            // the other replica's rebuild holds the rebuild lock
            assertThat(tryLock(other, RebuildService.REBUILD_LOCK_KEY)).isTrue();
            try {
                given().auth().oauth2(Api.OPERATOR).post("/api/admin/rebuilds").then().statusCode(409)
                        .body("detail", org.hamcrest.Matchers.containsString("another replica"));
            } finally {
                try (PreparedStatement ps = other.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, RebuildService.REBUILD_LOCK_KEY);
                    ps.execute();
                }
            }
        }
    }

    private static boolean tryLock(Connection c) throws Exception {
        return tryLock(c, Leadership.LOCK_KEY);
    }

    private static boolean tryLock(Connection c, long key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, Leadership.LOCK_KEY);
            ps.execute();
        }
    }

    private void terminateLeaderSession() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_terminate_backend(pid) from pg_locks where locktype ="
                        + " 'advisory' and granted and pid <> pg_backend_pid() and database = (select oid from"
                        + " pg_database where datname = current_database()) and classid = "
                        + (Leadership.LOCK_KEY >>> 32) + " and objid = " + (Leadership.LOCK_KEY & 0xffffffffL))) {
            while (rs.next()) {
                // each row: a session cut
            }
        }
    }

    private long savedResults(String unitId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from " + models.activeSlot().schema + ".result where unit_id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
