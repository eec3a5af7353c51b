package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

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
 * A batch the database refuses stays applied in memory (every record in it is durable on the broker), so reads go on
 * answering; its rows stay recorded as unsaved and the save is retried until the database takes it.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class FailureRecoveryTest {

    @Inject
    ReadModels models;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchTheDatabaseRefusesIsRetriedUntilItIsSaved() throws Exception {
        Api.publish(national("3300", "Testland"), region("3310", "Nav Vest", "3300"),
                office("3311", "Nav Vestby", "3310"), ratio("TF.3", "Andel"));
        String schema = models.activeSlot().schema;

        sql("alter table " + schema + ".result rename to result_away");
        try {
            Feed.send(result("3311", "TF.3", "2021-06", 1, 2));
            // applied in memory and answered, but not saved while the table is away
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(row("3310", "2021-06", "TF.3").month()).isCloseTo(50.0, within(1e-9)));
            assertThat(count("select count(*) from " + schema + ".result_away where unit_id = '3311'")).isZero();
            assertThat(given().auth().oauth2(Api.VIEWER).get("/api/status").statusCode()).isEqualTo(200);
        } finally {
            sql("alter table " + schema + ".result_away rename to result");
        }
        Api.awaitCaughtUp();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from " + schema + ".result where unit_id = '3311' and numerator = 1") == 1);
        assertThat(row("3310", "2021-06", "TF.3").month()).isCloseTo(50.0, within(1e-9));
    }

    private long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
