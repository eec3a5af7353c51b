package no.mrs.reporting.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.projection.SlotStore;
import no.mrs.reporting.rebuild.Checksum;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.VIEWER;
import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static no.mrs.reporting.support.Events.revised;
import static no.mrs.reporting.support.Events.revisedFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dated targets: a revision takes effect from a month; every month is judged against the target in force in it, and
 * the series' target line steps where the target changed. Units 7800–7811.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class DatedTargetsTest {

    @Inject
    ReadModels models;

    @Inject
    SlotStore store;

    @Test
    void aRevisionEffectiveFromJuneLeavesJanuaryToMayJudgedAgainstTheOldTarget() {
        GoalSet goal = centralGoal("7800", "DT.1", 2022, 70);
        List<no.mrs.contracts.EventPayload> events = new ArrayList<>(List.of(national("7800", "Datoland"),
                region("7810", "Nav Dato", "7800"), office("7811", "Nav Dagen", "7810"), ratio("DT.1", "Andel datert"),
                goal));
        for (int month = 1; month <= 10; month++) {
            events.add(result("7811", "DT.1", "2022-%02d".formatted(month), 77, 100));
        }
        Api.publish(events.toArray(no.mrs.contracts.EventPayload[]::new));
        // made in March, effective from June
        Feed.sendAt(Instant.parse("2022-03-20T09:00:00Z"), revisedFrom(goal, "2022-06", 80, 70));
        Api.awaitCaughtUp();

        for (String unit : List.of("7811", "7810", "7800")) {
            for (String month : List.of("2022-01", "2022-03", "2022-05")) {
                assertThat(row(unit, month, "DT.1").target()).as(unit + " " + month).isEqualTo(70.0);
                // 77 % against 70: met
                assertThat(row(unit, month, "DT.1").status()).as(unit + " " + month).isEqualTo("ON_TARGET");
            }
            for (String month : List.of("2022-06", "2022-10")) {
                assertThat(row(unit, month, "DT.1").target()).as(unit + " " + month).isEqualTo(80.0);
                // 77 % against 80: missed by 3, within 5 % of 80
                assertThat(row(unit, month, "DT.1").status()).as(unit + " " + month).isEqualTo("NEAR_TARGET");
            }
        }
        assertThat(targets("7811")).containsExactly(70.0, 70.0, 70.0, 70.0, 70.0, 80.0, 80.0, 80.0, 80.0, 80.0);
        assertThat(targets("7800")).containsExactly(70.0, 70.0, 70.0, 70.0, 70.0, 80.0, 80.0, 80.0, 80.0, 80.0);

        // a revision of version 1 (published before revisions were dated) counts from the month it was made in
        // Norway: 22:30 UTC on 31 August is September in Oslo
        Feed.sendAt(Instant.parse("2022-08-31T22:30:00Z"), revised(goal, 85));
        Api.awaitCaughtUp();
        assertThat(targets("7811")).containsExactly(70.0, 70.0, 70.0, 70.0, 70.0, 80.0, 80.0, 80.0, 85.0, 85.0);

        // a later revision from an earlier month replaces what was planned from that month on
        Feed.sendAt(Instant.parse("2022-11-02T09:00:00Z"), revisedFrom(goal, "2022-04", 75, 85));
        Api.awaitCaughtUp();
        assertThat(targets("7811")).containsExactly(70.0, 70.0, 70.0, 75.0, 75.0, 75.0, 75.0, 75.0, 75.0, 75.0);
        assertThat(row("7811", "2022-03", "DT.1").status()).isEqualTo("ON_TARGET");
        assertThat(row("7811", "2022-04", "DT.1").status()).isEqualTo("ON_TARGET");

        // the slot keeps the dated targets: what it loads digests as the model in memory
        // (a batch is saved just after the model shows it: wait for the save)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Checksum.of(store.load(models.activeSlot())).checksum())
                        .isEqualTo(models.read(model -> Checksum.of(model).checksum())));
    }

    private static List<Double> targets(String unitId) {
        return given().auth().oauth2(VIEWER).get("/api/series/" + unitId + "/DT.1?from=2022-01&to=2022-10").then()
                .statusCode(200).extract().jsonPath().getList("target", Double.class);
    }
}
