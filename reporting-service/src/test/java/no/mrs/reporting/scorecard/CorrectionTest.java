package no.mrs.reporting.scorecard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.Test;

import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A corrected result replaces the old one in every figure it counted for. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CorrectionTest {

    @Test
    void aCorrectionReplacesTheOldFigureInTheMonthTheYearAndTheRegion() {
        ResultRecorded wrong = result("7201", "TR.7", "2021-02", 90, 100);
        Api.publish(national("7000", "Testland"), region("7200", "Nav Midt", "7000"),
                office("7201", "Nav Midtby", "7200"), office("7202", "Nav Midtvik", "7200"), ratio("TR.7", "Andel"),
                wrong, result("7202", "TR.7", "2021-02", 10, 100), result("7201", "TR.7", "2021-01", 5, 10));
        assertThat(row("7200", "2021-02", "TR.7").month()).isCloseTo(100.0 * (90 + 10) / 200, within(1e-9));

        Api.publish(corrected(wrong, 30, 60, "typo"));

        assertThat(row("7201", "2021-02", "TR.7").month()).isCloseTo(50.0, within(1e-9));
        assertThat(row("7200", "2021-02", "TR.7").month()).isCloseTo(100.0 * (30 + 10) / (60 + 100), within(1e-9));
        assertThat(row("7200", "2021-02", "TR.7").ytd()).isCloseTo(100.0 * (30 + 10 + 5) / (60 + 100 + 10), within(1e-9));
        assertThat(row("7000", "2021-03", "TR.7").ytd()).isCloseTo(100.0 * (30 + 10 + 5) / (60 + 100 + 10), within(1e-9));
    }
}
