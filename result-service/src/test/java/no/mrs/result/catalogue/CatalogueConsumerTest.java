package no.mrs.result.catalogue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.security.UnitTree;
import no.mrs.result.fixtures.GoalEvents;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;

import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The organisation and indicators as learnt from mrs.goal-events: dated moves, idempotence, unknown types. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CatalogueConsumerTest {

    @Inject
    Organisation organisation;

    @Inject
    GoalEvents goalEvents;

    @Inject
    CatalogueStore catalogue;

    @Inject
    UnitTree tree;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMoveChangesTheScopeNowAndLocalIndicatorsFromTheMonthItTakesEffect() {
        String office = organisation.office(Organisation.OSLO);
        String osloIndicator = organisation.localRatio(Organisation.OSLO);
        goalEvents.publish(new UnitMoved(office, Organisation.OSLO, Organisation.INNLANDET, YearMonth.of(2021, 3)), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> tree.parentOf(office).orElseThrow()
                .equals(Organisation.INNLANDET));

        submit(Tokens.reporter(Organisation.OSLO), item(office, osloIndicator, "2021-02").ratio(1, 2))
                .statusCode(200).body("rejected[0].errors.code", contains("forbidden-unit"));
        submit(Tokens.reporter(Organisation.INNLANDET), item(office, osloIndicator, "2021-02").ratio(1, 2))
                .statusCode(200).body("accepted", equalTo(1));
        submit(Tokens.reporter(Organisation.INNLANDET), item(office, osloIndicator, "2021-04").ratio(1, 2))
                .statusCode(200).body("rejected[0].errors.code", contains("indicator-not-in-scope"));
    }

    @Test
    void anOlderEventThanTheStoredOneChangesNothing() {
        String office = organisation.office(Organisation.OSLO);
        goalEvents.publish(new UnitRenamed(office, "Nav Renamed", "Nav " + office), 2);
        goalEvents.publish(new UnitMoved(office, Organisation.OSLO, Organisation.INNLANDET, YearMonth.of(2020, 1)), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> tree.parentOf(office).orElseThrow()
                .equals(Organisation.INNLANDET));
        // a replay of the registration (a new event id, so past the inbox) is older than what is stored
        UUID replay = UUID.randomUUID();
        goalEvents.send(office, goalEvents.cloudEvent(replay,
                new UnitRegistered(office, "Nav " + office, UnitLevel.OFFICE, Organisation.OSLO), 1));
        awaitConsumed(replay);
        assertThat(tree.parentOf(office)).contains(Organisation.INNLANDET);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String office = organisation.office(Organisation.OSLO);
        UUID id = UUID.randomUUID();
        String moved = goalEvents.cloudEvent(id,
                new UnitMoved(office, Organisation.OSLO, Organisation.INNLANDET, YearMonth.of(2019, 6)), 2);
        goalEvents.send(office, moved);
        goalEvents.send(office, moved);
        // a later event on the same key (same partition): once it is consumed, so are both copies before it
        UUID later = UUID.randomUUID();
        goalEvents.send(office, goalEvents.cloudEvent(later, new UnitRenamed(office, "Nav X", "Nav " + office), 3));
        awaitConsumed(later);
        assertThat(tree.parentOf(office)).contains(Organisation.INNLANDET);
        assertThat(catalogue.snapshot().unit(office).orElseThrow().spells()).hasSize(2);
    }

    @Test
    void skipsEventTypesItDoesNotKnowAndGoesOn() {
        UUID unknown = UUID.randomUUID();
        goalEvents.send("x", """
                {"specversion":"1.0","id":"%s","source":"/mrs/goal-service","type":"no.mrs.goal.SomethingNew.v1",
                 "subject":"x","time":"2021-06-01T00:00:00Z","datacontenttype":"application/json",
                 "streamid":"something:x","streamversion":1,"data":{"actor":"goal-test"}}"""
                .formatted(unknown));
        awaitConsumed(unknown);
        String office = organisation.office(Organisation.OSLO);
        assertThat(catalogue.snapshot().unit(office)).isPresent();
    }

    /** The inbox records an event in the transaction that applies it. */
    void awaitConsumed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from inbox where event_id = ?")) {
                ps.setObject(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        });
    }

    @Test
    void theUnitTreeAnswersTheCurrentParent() {
        organisation.regions();
        assertThat(tree.parentOf(Organisation.OSLO)).contains(Organisation.NATION);
        assertThat(tree.parentOf(Organisation.NATION)).isEmpty();
        assertThat(tree.parentOf("7777")).isEmpty();
    }
}
