package no.mrs.goal;

import no.mrs.contracts.goal.GoalBudgetEvent;
import no.mrs.contracts.goal.GoalEvent;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.contracts.goal.GoalProposalEvent;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.goal.budget.GoalBudgetState;
import no.mrs.goal.goal.GoalState;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.goal.letter.GoalLetterState;
import no.mrs.goal.proposal.GoalProposalState;
import no.mrs.goal.unit.UnitState;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Java 17 has no exhaustive switch over sealed types: feed every permitted event to its evolve so none is forgotten. */
class EveryEventIsHandledTest {

    @Test
    void unitStateEvolvesOnEveryUnitEvent() {
        everyPermitted(UnitEvent.class, e -> UnitState.evolve(UnitState.NONE, e));
    }

    @Test
    void indicatorStateEvolvesOnEveryIndicatorEvent() {
        everyPermitted(IndicatorEvent.class, e -> IndicatorState.evolve(IndicatorState.NONE, e));
    }

    @Test
    void goalLetterStateEvolvesOnEveryLetterEvent() {
        everyPermitted(GoalLetterEvent.class, e -> GoalLetterState.evolve(GoalLetterState.NONE, e));
    }

    @Test
    void goalStateEvolvesOnEveryGoalEvent() {
        everyPermitted(GoalEvent.class, e -> GoalState.evolve(GoalState.NONE, e));
    }

    @Test
    void goalBudgetStateEvolvesOnEveryBudgetEvent() {
        everyPermitted(GoalBudgetEvent.class, e -> GoalBudgetState.evolve(GoalBudgetState.NONE, e));
    }

    @Test
    void proposalStateEvolvesOnEveryProposalEvent() {
        everyPermitted(GoalProposalEvent.class, e -> GoalProposalState.evolve(GoalProposalState.NONE, e));
    }

    @SuppressWarnings("unchecked")
    private static <T> void everyPermitted(Class<T> root, Consumer<T> evolve) {
        assertThat(root.getPermittedSubclasses()).isNotEmpty();
        for (Class<?> type : root.getPermittedSubclasses()) {
            T event = (T) sample(type);
            assertThatCode(() -> evolve.accept(event)).as(type.getSimpleName()).doesNotThrowAnyException();
        }
    }

    /** A record with a plausible value in every component. */
    static Object sample(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = value(types[i]);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "0314";
        }
        if (type == int.class) {
            return 2021;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == YearMonth.class) {
            return YearMonth.of(2024, 1);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalArgumentException("No sample for " + type);
    }
}
