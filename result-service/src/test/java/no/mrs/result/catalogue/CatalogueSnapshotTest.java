package no.mrs.result.catalogue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue is kept between batches and read again exactly when a committed write moved its token: the batch
 * after a change judges by the changed catalogue, whichever replica wrote it.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CatalogueSnapshotTest {

    @Inject
    CatalogueStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keptWhileNothingChanges() throws Exception {
        whileTheTokenStands(() -> {
            Catalogue first = store.snapshot();
            return () -> assertThat(store.snapshot()).isSameAs(first);
        });
    }

    @Test
    void readAgainAfterAWriteOfThisService() {
        Catalogue before = store.snapshot();
        QuarkusTransaction.requiringNew().run(() -> store.apply(defined("S.1", 5), 1));
        Catalogue after = store.snapshot();
        assertThat(after).isNotSameAs(before);
        assertThat(after.indicator("S.1").orElseThrow().scaleMax()).isEqualByComparingTo("5");

        QuarkusTransaction.requiringNew().run(() -> store.apply(new IndicatorRedefined("S.1", "Snapshot",
                Perspective.USER, Measure.SCORE, Direction.HIGHER_IS_BETTER, null, BigDecimal.ONE,
                BigDecimal.valueOf(7), null), 2));
        assertThat(store.snapshot().indicator("S.1").orElseThrow().scaleMax()).isEqualByComparingTo("7");

        QuarkusTransaction.requiringNew().run(() -> store.apply(
                new UnitRegistered("0998", "Nav Snapshot", UnitLevel.OFFICE, "0300"), 1));
        assertThat(store.snapshot().unit("0998")).isPresent();
    }

    @Test
    void readAgainAfterAWriteOfAnotherReplica() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> store.apply(defined("S.2", 5), 1));
        Catalogue kept = store.snapshot();
        assertThat(kept.indicator("S.2").orElseThrow().scaleMax()).isEqualByComparingTo("5");
        // what another replica's CatalogueStore commits: the row and the token in one transaction
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("update catalogue_indicator set scale_max = 9, version = 2 where indicator_id = 'S.2'");
            s.executeUpdate("update catalogue_state set token = gen_random_uuid() where id = 1");
            c.commit();
        }
        assertThat(store.snapshot().indicator("S.2").orElseThrow().scaleMax()).isEqualByComparingTo("9");
    }

    @Test
    void aWriteRolledBackLeavesTheKeptCatalogue() throws Exception {
        whileTheTokenStands(() -> {
            Catalogue kept = store.snapshot();
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.apply(defined("S.3", 5), 1);
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");
            Catalogue after = store.snapshot();
            assertThat(after.indicator("S.3")).isEmpty();
            return () -> assertThat(after).isSameAs(kept);
        });
    }

    @Test
    void anOlderIndicatorVersionLeavesTheKeptCatalogue() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> store.apply(defined("S.4", 5), 2));
        whileTheTokenStands(() -> {
            Catalogue kept = store.snapshot();
            QuarkusTransaction.requiringNew().run(() -> store.apply(defined("S.4", 9), 1));
            Catalogue after = store.snapshot();
            assertThat(after.indicator("S.4").orElseThrow().scaleMax()).isEqualByComparingTo("5");
            return () -> assertThat(after).isSameAs(kept);
        });
    }

    interface Attempt {
        /** Does its part and returns what to assert once the token is known not to have moved meanwhile. */
        Runnable run() throws Exception;
    }

    /**
     * Runs the attempt until the catalogue's token stood still across it (the service's own consumer may still apply
     * goal events of earlier tests, which moves it), then asserts what it returned.
     */
    private void whileTheTokenStands(Attempt attempt) throws Exception {
        for (int tries = 0; ; tries++) {
            String token = token();
            Runnable then = attempt.run();
            if (token.equals(token())) {
                then.run();
                return;
            }
            assertThat(tries).as("the catalogue's token never stood still").isLessThan(20);
            Thread.sleep(250);
        }
    }

    private String token() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select token::text from catalogue_state")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static IndicatorDefined defined(String id, int scaleMax) {
        return new IndicatorDefined(id, "Snapshot", Perspective.USER, Measure.SCORE, Direction.HIGHER_IS_BETTER, null,
                BigDecimal.ONE, BigDecimal.valueOf(scaleMax), null);
    }
}
