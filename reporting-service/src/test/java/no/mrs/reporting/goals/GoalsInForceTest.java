package no.mrs.reporting.goals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.localGoal;
import static no.mrs.reporting.support.Events.monitoring;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static no.mrs.reporting.support.Events.retired;
import static no.mrs.reporting.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal in force for a unit is the nearest one up the hierarchy: an office inherits the central target unless it
 * has a local goal of its own; revisions change the target; a retired goal stops counting from its month.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class GoalsInForceTest {

    @Test
    void anOfficeInheritsTheCentralTargetUnlessItHasALocalOne() {
        GoalSet central = centralGoal("6000", "TA.6", 2021, 80);
        GoalSet local = localGoal("6102", "TA.6", 2021, 70);
        Api.publish(national("6000", "Testland"), region("6100", "Nav Nord", "6000"),
                office("6101", "Nav Arver", "6100"), office("6102", "Nav Lokal", "6100"), ratio("TA.6", "Andel"),
                central, local);

        assertThat(row("6101", "2021-06", "TA.6").target()).isEqualTo(80.0);
        assertThat(row("6101", "2021-06", "TA.6").origin()).isEqualTo("CENTRAL");
        assertThat(row("6102", "2021-06", "TA.6").target()).isEqualTo(70.0);
        assertThat(row("6102", "2021-06", "TA.6").origin()).isEqualTo("LOCAL");
        assertThat(row("6100", "2021-06", "TA.6").goalId()).isEqualTo(central.goalId());
        assertThat(row("6101", "2022-06", "TA.6")).as("a goal is for its year only").isNull();
    }

    @Test
    void aRevisionChangesTheInheritedTarget() {
        GoalSet central = centralGoal("6200", "TB.6", 2021, 80);
        Api.publish(national("6200", "Testland"), region("6210", "Nav Sør", "6200"),
                office("6211", "Nav Sørby", "6210"), ratio("TB.6", "Andel"), central);
        // a revision of version 1 counts from the month it was made (Norwegian time)
        Feed.sendAt(Instant.parse("2021-03-15T10:00:00Z"), revised(central, 85));
        Api.awaitCaughtUp();

        assertThat(row("6211", "2021-02", "TB.6").target()).isEqualTo(80.0);
        assertThat(row("6211", "2021-03", "TB.6").target()).isEqualTo(85.0);
        assertThat(row("6211", "2021-06", "TB.6").target()).isEqualTo(85.0);
    }

    @Test
    void aRetiredLocalGoalStopsCountingFromItsMonthAndTheInheritedOneReturns() {
        GoalSet central = centralGoal("6300", "TC.6", 2021, 80);
        GoalSet local = localGoal("6311", "TC.6", 2021, 60);
        Api.publish(national("6300", "Testland"), region("6310", "Nav Vest", "6300"),
                office("6311", "Nav Vestby", "6310"), ratio("TC.6", "Andel"), central, local);
        Feed.sendAt(Instant.parse("2021-05-10T10:00:00Z"), retired(local));
        Api.awaitCaughtUp();

        assertThat(row("6311", "2021-04", "TC.6").origin()).isEqualTo("LOCAL");
        assertThat(row("6311", "2021-06", "TC.6").origin()).isEqualTo("CENTRAL");
        assertThat(row("6311", "2021-06", "TC.6").target()).isEqualTo(80.0);
    }

    @Test
    void statusComparesYearToDateWithTheTargetOfTheGoalInForce() {
        Api.publish(national("6400", "Testland"), region("6410", "Nav Øst", "6400"),
                office("6411", "Nav Nådd", "6410"), office("6412", "Nav Nesten", "6410"),
                office("6413", "Nav Langt", "6410"), ratio("TD.6", "Andel"), ratio("TE.6", "Andel fulgt"),
                centralGoal("6400", "TD.6", 2021, 80), localGoal("6412", "TD.6", 2021, 80),
                monitoring("6400", "TE.6", 2021),
                result("6411", "TD.6", "2021-06", 82, 100), result("6412", "TD.6", "2021-06", 77, 100),
                result("6413", "TD.6", "2021-06", 60, 100), result("6411", "TE.6", "2021-06", 1, 2));

        assertThat(row("6411", "2021-06", "TD.6").status()).isEqualTo("ON_TARGET");
        assertThat(row("6412", "2021-06", "TD.6").status()).isEqualTo("NEAR_TARGET");
        assertThat(row("6413", "2021-06", "TD.6").status()).isEqualTo("OFF_TARGET");
        assertThat(row("6411", "2021-06", "TE.6").status()).isEqualTo("NO_TARGET");
        assertThat(row("6411", "2021-06", "TE.6").hasGoal()).isTrue();
    }
}
