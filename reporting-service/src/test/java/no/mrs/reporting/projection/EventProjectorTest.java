package no.mrs.reporting.projection;

import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Unit;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The projection handles every published event type, and keeps the dated hierarchy. */
class EventProjectorTest {

    @Test
    void everyPublishedEventTypeIsHandled() {
        assertThat(EventContracts.all()).isNotEmpty();
        for (Class<? extends EventPayload> type : EventContracts.all().values()) {
            ReadModel model = new ReadModel();
            EventPayload event = sample(type);
            assertThatCode(() -> EventProjector.apply(model, event, Instant.now())).as(type.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMoveKeepsEarlierMonthsWithTheOldParentAndReplacesLaterPlans() {
        ReadModel model = new ReadModel();
        EventProjector.apply(model, new UnitRegistered("0314", "Nav Sagene", UnitLevel.OFFICE, "0300"), null);
        EventProjector.apply(model, new UnitMoved("0314", "0300", "0400", YearMonth.of(2021, 9)), null);
        EventProjector.apply(model, new UnitMoved("0314", "0400", "0200", YearMonth.of(2021, 4)), null);

        Unit unit = model.unit("0314").orElseThrow();
        assertThat(unit.parentAt(YearMonth.of(2021, 3))).isEqualTo("0300");
        assertThat(unit.parentAt(YearMonth.of(2021, 4))).isEqualTo("0200");
        assertThat(unit.parentAt(YearMonth.of(2021, 12))).isEqualTo("0200");
        assertThat(unit.currentParent()).isEqualTo("0200");
    }

    /** A record of the type with every component filled with a plausible value. */
    static EventPayload sample(Class<? extends EventPayload> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i].getType());
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "0314";
        } else if (type == int.class || type == Integer.class) {
            return 2021;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return BigDecimal.TEN;
        } else if (type == YearMonth.class) {
            return YearMonth.of(2021, 6);
        } else if (type == Instant.class) {
            return Instant.now();
        } else if (type == List.class) {
            return List.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}
