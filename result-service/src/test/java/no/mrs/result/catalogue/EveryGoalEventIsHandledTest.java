package no.mrs.result.catalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Every unit and indicator event type is applied by the catalogue: a new one cannot be forgotten. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class EveryGoalEventIsHandledTest {

    @Inject
    CatalogueStore store;

    static UnitEvent example(Class<?> type) {
        if (type == UnitRegistered.class) {
            return new UnitRegistered("0999", "Nav Test", UnitLevel.OFFICE, "0300");
        }
        if (type == UnitRenamed.class) {
            return new UnitRenamed("0999", "Nav Test 2", "Nav Test");
        }
        if (type == UnitMoved.class) {
            return new UnitMoved("0999", "0300", "0400", YearMonth.of(2021, 1));
        }
        throw new AssertionError("A new unit event: teach CatalogueStore and this test about " + type);
    }

    static IndicatorEvent indicatorExample(Class<?> type) {
        if (type == IndicatorDefined.class) {
            return new IndicatorDefined("T.999", "Test", Perspective.USER, Measure.SCORE, Direction.HIGHER_IS_BETTER,
                    null, BigDecimal.ONE, BigDecimal.valueOf(6), null);
        }
        if (type == IndicatorRedefined.class) {
            return new IndicatorRedefined("T.999", "Test", Perspective.USER, Measure.SCORE, Direction.HIGHER_IS_BETTER,
                    null, BigDecimal.ONE, BigDecimal.valueOf(5), null);
        }
        if (type == IndicatorPaired.class) {
            return new IndicatorPaired("T.999", "B.15");
        }
        throw new AssertionError("A new indicator event: teach CatalogueStore and this test about " + type);
    }

    @Test
    void appliesEveryUnitEventType() {
        long version = 0;
        for (Class<?> type : UnitEvent.class.getPermittedSubclasses()) {
            long v = ++version;
            QuarkusTransaction.requiringNew().run(() -> store.apply(example(type), v));
        }
        assertThat(store.snapshot().unit("0999")).isPresent();
    }

    @Test
    void appliesEveryIndicatorEventType() {
        long version = 0;
        for (Class<?> type : IndicatorEvent.class.getPermittedSubclasses()) {
            long v = ++version;
            QuarkusTransaction.requiringNew().run(() -> store.apply(indicatorExample(type), v));
        }
        assertThat(store.snapshot().indicator("T.999")).isPresent();
    }
}
