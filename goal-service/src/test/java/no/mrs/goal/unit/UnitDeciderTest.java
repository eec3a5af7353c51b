package no.mrs.goal.unit;

import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitDeciderTest {

    /** 0000 national, regions 0300 and 0400, office 0314 under 0300. */
    static UnitDecider.Organisation organisation(boolean withNational) {
        Map<String, UnitLevel> levels = Map.of("0000", UnitLevel.NATIONAL, "0300", UnitLevel.REGION,
                "0400", UnitLevel.REGION, "0314", UnitLevel.OFFICE);
        return new UnitDecider.Organisation() {
            @Override
            public Optional<UnitLevel> levelOf(String unitId) {
                return withNational || !"0000".equals(unitId) ? Optional.ofNullable(levels.get(unitId)) : Optional.empty();
            }

            @Override
            public Optional<String> nationalUnitId() {
                return withNational ? Optional.of("0000") : Optional.empty();
            }
        };
    }

    static final UnitDecider.Organisation NAV = organisation(true);

    static UnitState given(UnitEvent... events) {
        return UnitState.replay(List.of(events));
    }

    static String field(Throwable t) {
        return ((Rejection) t).errors().get(0).field() + ":" + ((Rejection) t).errors().get(0).code();
    }

    @Nested
    class PutUnit {

        @Test
        void registersTheNationalUnitOnce() {
            assertThat(UnitDecider.decide(new UnitDecider.PutUnit("0000", "Norge", UnitLevel.NATIONAL, null),
                    UnitState.NONE, organisation(false)))
                    .containsExactly(new UnitRegistered("0000", "Norge", UnitLevel.NATIONAL, null));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("9999", "Norge 2", UnitLevel.NATIONAL,
                    null), UnitState.NONE, NAV))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("national-exists"));
        }

        @Test
        void theNationalUnitHasNoParent() {
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0000", "Norge", UnitLevel.NATIONAL,
                    "0300"), UnitState.NONE, organisation(false)))
                    .satisfies(t -> assertThat(field(t)).isEqualTo("parentId:must-be-empty"));
        }

        @Test
        void aRegionHangsUnderTheNationAndAnOfficeUnderARegion() {
            assertThat(UnitDecider.decide(new UnitDecider.PutUnit("0200", "Nav Øst-Viken", UnitLevel.REGION, "0000"),
                    UnitState.NONE, NAV)).hasSize(1);
            assertThat(UnitDecider.decide(new UnitDecider.PutUnit("0315", "Nav Grünerløkka", UnitLevel.OFFICE, "0300"),
                    UnitState.NONE, NAV)).hasSize(1);
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0200", "X", UnitLevel.REGION, "0300"),
                    UnitState.NONE, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("parentId:wrong-level"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0315", "X", UnitLevel.OFFICE, "0000"),
                    UnitState.NONE, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("parentId:wrong-level"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0315", "X", UnitLevel.OFFICE, null),
                    UnitState.NONE, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("parentId:required"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0315", "X", UnitLevel.OFFICE, "0999"),
                    UnitState.NONE, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("parentId:unknown-unit"));
        }

        @Test
        void renamesAnExistingUnitAndIgnoresTheSameName() {
            UnitState sagene = given(new UnitRegistered("0314", "Nav Sagene", UnitLevel.OFFICE, "0300"));

            assertThat(UnitDecider.decide(new UnitDecider.PutUnit("0314", "Nav Sagene og Bjølsen", UnitLevel.OFFICE,
                    "0300"), sagene, NAV))
                    .containsExactly(new UnitRenamed("0314", "Nav Sagene og Bjølsen", "Nav Sagene"));
            assertThat(UnitDecider.decide(new UnitDecider.PutUnit("0314", "Nav Sagene", UnitLevel.OFFICE, "0300"),
                    sagene, NAV)).isEmpty();
        }

        @Test
        void neitherLevelNorParentChangesThroughPut() {
            UnitState sagene = given(new UnitRegistered("0314", "Nav Sagene", UnitLevel.OFFICE, "0300"));

            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0314", "Nav Sagene", UnitLevel.REGION,
                    "0000"), sagene, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("level:level-change"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.PutUnit("0314", "Nav Sagene", UnitLevel.OFFICE,
                    "0400"), sagene, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("parentId:use-move"));
        }
    }

    @Nested
    class MoveUnit {

        final UnitState sagene = given(new UnitRegistered("0314", "Nav Sagene", UnitLevel.OFFICE, "0300"));

        @Test
        void movesAnOfficeToAnotherRegionFromAMonth() {
            assertThat(UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0400", YearMonth.of(2024, 1)), sagene, NAV))
                    .containsExactly(new UnitMoved("0314", "0300", "0400", YearMonth.of(2024, 1)));
        }

        @Test
        void earlierMonthsKeepTheOldParent() {
            UnitState moved = UnitState.evolve(sagene, new UnitMoved("0314", "0300", "0400", YearMonth.of(2024, 1)));

            assertThat(moved.parentIn(YearMonth.of(2023, 12))).isEqualTo("0300");
            assertThat(moved.parentIn(YearMonth.of(2024, 1))).isEqualTo("0400");
            assertThat(moved.currentParentId()).isEqualTo("0400");
        }

        @Test
        void aNewMoveMustTakeEffectAfterTheLastOne() {
            UnitState moved = UnitState.evolve(sagene, new UnitMoved("0314", "0300", "0400", YearMonth.of(2024, 1)));

            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0300", YearMonth.of(2023, 6)),
                    moved, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("effectiveFrom:before-last-move"));
        }

        @Test
        void onlyExistingOfficesMoveAndOnlyToAnotherRegion() {
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0400", YearMonth.of(2024, 1)),
                    UnitState.NONE, NAV))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
            UnitState oslo = given(new UnitRegistered("0300", "Nav Oslo", UnitLevel.REGION, "0000"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0300", "0400", YearMonth.of(2024, 1)),
                    oslo, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("unitId:not-an-office"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0300", YearMonth.of(2024, 1)),
                    sagene, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("newParentId:same-parent"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0000", YearMonth.of(2024, 1)),
                    sagene, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("newParentId:wrong-level"));
            assertThatThrownBy(() -> UnitDecider.decide(new UnitDecider.MoveUnit("0314", "0999", YearMonth.of(2024, 1)),
                    sagene, NAV)).satisfies(t -> assertThat(field(t)).isEqualTo("newParentId:unknown-unit"));
        }
    }
}
