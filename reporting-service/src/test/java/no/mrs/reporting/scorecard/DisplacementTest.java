package no.mrs.reporting.scorecard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal displacement: the scorecard row of an activity indicator paired with its outcome carries
 * {@code displacement: true} while, over the trend window, the activity rises and the outcome falls; a correction
 * that removes the divergence clears it, and so does removing the pairing.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class DisplacementTest {

    @Test
    void aDivergenceRaisesTheFlagAndRemovingItClearsIt() {
        List<no.mrs.contracts.EventPayload> events = new ArrayList<>(List.of(national("8500", "Forskyvningsland"),
                region("8510", "Nav Forskyvning", "8500"), office("8511", "Nav Travel", "8510"),
                office("8512", "Nav Stø", "8510"), ratio("TD.1", "Andel i arbeidsrettet aktivitet"),
                ratio("TD.2", "Andel med overgang til arbeid"), new IndicatorPaired("TD.1", "TD.2")));
        // 8511: the activity 50 % → 60 % from April while transitions to work drop 80 % → 70 %; 8512 holds steady
        List<ResultRecorded> outcomeAfterMarch = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            String period = "2021-0" + month;
            boolean later = month >= 4;
            events.add(result("8511", "TD.1", period, later ? 60 : 50, 100));
            ResultRecorded outcome = result("8511", "TD.2", period, later ? 70 : 80, 100);
            events.add(outcome);
            if (later) {
                outcomeAfterMarch.add(outcome);
            }
            events.add(result("8512", "TD.1", period, 50, 100));
            events.add(result("8512", "TD.2", period, 80, 100));
        }
        Api.publish(events.toArray(no.mrs.contracts.EventPayload[]::new));

        assertThat(flag("8511", "2021-06")).as("activity +20 %, outcome −12.5 %").isTrue();
        assertThat(flag("8512", "2021-06")).as("both steady").isFalse();
        // the region: activity (50+50 → 60+50)/200 = +10 %, outcome (80+80 → 70+80)/200 = −6.25 %
        assertThat(flag("8510", "2021-06")).isTrue();
        assertThat(field("8511", "2021-06", "TD.1", "pairedOutcome")).isEqualTo("TD.2");
        assertThat(field("8511", "2021-06", "TD.2", "pairedOutcome")).as("the outcome is not paired itself").isNull();
        assertThat(field("8511", "2021-06", "TD.2", "displacement")).isNull();
        assertThat(flag("8511", "2021-03")).as("no earlier window (October–December 2020)").isNull();

        // the outcome corrected back to its level: no divergence, no flag
        Api.publish(outcomeAfterMarch.stream().map(r -> corrected(r, 80, 100, "wrong extract"))
                .toArray(no.mrs.contracts.EventPayload[]::new));
        assertThat(flag("8511", "2021-06")).isFalse();
        assertThat(flag("8510", "2021-06")).isFalse();

        // the pairing removed: no flag at all
        Api.publish(new IndicatorPaired("TD.1", null));
        assertThat(field("8511", "2021-06", "TD.1", "pairedOutcome")).isNull();
        assertThat(flag("8511", "2021-06")).isNull();
    }

    private static Boolean flag(String unitId, String period) {
        return (Boolean) field(unitId, period, "TD.1", "displacement");
    }

    private static Object field(String unitId, String period, String indicatorId, String field) {
        JsonPath card = Api.scorecard(unitId, period);
        return card.get("perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }." + field);
    }
}
