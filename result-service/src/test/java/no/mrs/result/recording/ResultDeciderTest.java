package no.mrs.result.recording;

import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.result.catalogue.Catalogue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a batch, given/when/then without Quarkus. */
class ResultDeciderTest {

    static final Catalogue CATALOGUE = new Catalogue(Map.of(
            "0000", new Catalogue.Unit("0000", UnitLevel.NATIONAL, null, List.of()),
            "0300", new Catalogue.Unit("0300", UnitLevel.REGION, "0000", List.of(new Catalogue.Spell("0000", null))),
            "0314", new Catalogue.Unit("0314", UnitLevel.OFFICE, "0300", List.of(new Catalogue.Spell("0300", null)))),
            Map.of("B.15", new Catalogue.Indicator("B.15", Measure.RATIO, null, null, null)));
    static final Submitter REPORTER = new Submitter("reporter", false, Set.of("0300"));
    static final Submitter LEADER = new Submitter("leader", true, Set.of("0300"));
    static final Instant NOW = Instant.parse("2021-07-01T10:00:00Z");

    final Map<String, ResultItem> stored = new java.util.HashMap<>();
    final Map<ResultKey, CurrentValue> current = new java.util.HashMap<>();
    final Set<YearMonth> locked = new java.util.HashSet<>();
    final List<Submission> batch = new ArrayList<>();

    static ResultItem ratio(String id, String period, int numerator, int denominator, String reason) {
        return new ResultItem(id, "0314", "B.15", period, BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), null, null, reason);
    }

    ResultDeciderTest given(ResultItem item) {
        stored.put(item.measurementId(), item);
        ResultKey key = new ResultKey(item.unitId(), item.indicatorId(), YearMonth.parse(item.period()));
        long version = current.containsKey(key) ? current.get(key).version() + 1 : 1;
        current.put(key, new CurrentValue(item.measurementId(), item.numerator(), item.denominator(), item.value(),
                version));
        return this;
    }

    ResultDeciderTest when(Submitter submitter, ResultItem... items) {
        for (ResultItem item : items) {
            batch.add(new Submission(batch.size(), item, List.of(), submitter));
        }
        return this;
    }

    List<Verdict> then() {
        return ResultDecider.decide(batch, new ResultDecider.Context(CATALOGUE, stored, current, locked,
                YearMonth.of(2021, 7), NOW));
    }

    static List<String> codes(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).errors().stream().map(e -> e.code()).toList();
    }

    @Test
    void recordsAFirstValueAsVersionOne() {
        Verdict verdict = when(REPORTER, ratio("a", "2021-06", 77, 100, null)).then().get(0);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.event()).isEqualTo(new ResultRecorded("a", "0314", "B.15", YearMonth.of(2021, 6),
                    BigDecimal.valueOf(77), BigDecimal.valueOf(100), null, null, NOW,
                    no.mrs.contracts.result.SubmitterKind.PERSON));
        });
    }

    @Test
    void correctsWithTheReasonAndThePreviousValue() {
        Verdict verdict = given(ratio("a", "2021-06", 77, 100, null))
                .when(REPORTER, ratio("b", "2021-06", 75, 100, "double counted")).then().get(0);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.version()).isEqualTo(2);
            ResultCorrected corrected = (ResultCorrected) a.event();
            assertThat(corrected.previousMeasurementId()).isEqualTo("a");
            assertThat(corrected.previousNumerator()).isEqualByComparingTo("77");
            assertThat(corrected.reason()).isEqualTo("double counted");
        });
    }

    @Test
    void theSameIdIsADuplicateWithTheSameContentAndReusedOtherwise() {
        List<Verdict> verdicts = given(ratio("a", "2021-06", 77, 100, null))
                .when(REPORTER, new ResultItem("a", "0314", "B.15", "2021-06", new BigDecimal("77.0"),
                        BigDecimal.valueOf(100), null, "", null), ratio("a", "2021-06", 78, 100, null))
                .then();
        assertThat(verdicts.get(0)).isInstanceOf(Verdict.Duplicate.class);
        assertThat(codes(verdicts.get(1))).containsExactly("measurement-id-reused");
    }

    @Test
    void laterItemsOfABatchSeeTheEarlierOnes() {
        List<Verdict> verdicts = when(REPORTER, ratio("a", "2021-06", 1, 2, null), ratio("a", "2021-06", 1, 2, null),
                ratio("b", "2021-06", 2, 2, null), ratio("c", "2021-06", 2, 2, "fix")).then();
        assertThat(verdicts.get(0)).isInstanceOf(Verdict.Accepted.class);
        assertThat(verdicts.get(1)).isInstanceOf(Verdict.Duplicate.class);
        assertThat(codes(verdicts.get(2))).containsExactly("already-reported");
        assertThat(verdicts.get(3)).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.version()).isEqualTo(2));
    }

    @Test
    void aLockedMonthTakesOnlyCorrectionsWithAReasonByALeader() {
        given(ratio("a", "2021-05", 1, 2, null));
        locked.add(YearMonth.of(2021, 5));
        List<Verdict> verdicts = when(REPORTER, ratio("b", "2021-05", 2, 2, "fix"))
                .when(LEADER, ratio("c", "2021-05", 2, 3, "fix")).then();
        assertThat(codes(verdicts.get(0))).containsExactly("period-locked");
        assertThat(verdicts.get(1)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void collectsEveryFieldErrorOfAnItem() {
        Verdict verdict = when(REPORTER, new ResultItem("a", "0300", "B.15", "2021-08", BigDecimal.valueOf(3),
                BigDecimal.ZERO, BigDecimal.ONE, "x".repeat(1001), null)).then().get(0);
        assertThat(codes(verdict)).containsExactly("not-an-office", "future-period", "not-applicable",
                "out-of-range", "too-long");
    }

    @Test
    void aSystemIsNotLimitedToUnits() {
        Verdict verdict = when(Submitter.system("oslo-reporting"), ratio("a", "2021-06", 1, 2, null)).then().get(0);
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        // and its events say a system submitted them
        assertThat(((no.mrs.contracts.result.ResultRecorded) ((Verdict.Accepted) verdict).event()).submitterKind())
                .isEqualTo(no.mrs.contracts.result.SubmitterKind.SYSTEM);
    }

    @Test
    void everyVerdictKindIsCountedInTheSummary() {
        List<Verdict> verdicts = new ArrayList<>();
        Submission submission = new Submission(0, ratio("a", "2021-06", 1, 2, null), List.of(), REPORTER);
        for (Class<?> kind : Verdict.class.getPermittedSubclasses()) {
            if (kind == Verdict.Accepted.class) {
                verdicts.add(new Verdict.Accepted(submission, null, null, 1));
            } else if (kind == Verdict.Duplicate.class) {
                verdicts.add(new Verdict.Duplicate(submission));
            } else if (kind == Verdict.Rejected.class) {
                verdicts.add(new Verdict.Rejected(submission, List.of()));
            } else {
                throw new AssertionError("A new verdict kind: teach this test and Summary.of about " + kind);
            }
        }
        Summary summary = Summary.of(verdicts);
        assertThat(summary.accepted() + summary.duplicates() + summary.rejected().size()).isEqualTo(verdicts.size());
    }
}
