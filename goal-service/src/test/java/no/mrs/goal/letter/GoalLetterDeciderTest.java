package no.mrs.goal.letter;

import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.GoalLetterDrafted;
import no.mrs.contracts.goal.GoalLetterEvent;
import no.mrs.contracts.goal.GoalLetterPublished;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.GoalSet;
import no.mrs.contracts.goal.LetterGoal;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.goal.GoalWorld;
import no.mrs.goal.goal.GoalBudgetExceeded;
import no.mrs.goal.goal.GoalContext;
import no.mrs.platform.problem.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static no.mrs.goal.GoalWorld.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalLetterDeciderTest {

    static final List<String> MAIN_GOALS = List.of("Bedre brukermøter", "Flere i arbeid", "Pålitelig forvaltning");

    static LetterGoal steering(String indicatorId, String target) {
        return new LetterGoal(indicatorId, Classification.STEERING, new BigDecimal(target), "Flere i arbeid",
                LocalAdjustment.ALLOWED);
    }

    static LetterGoal monitoring(String indicatorId) {
        return new LetterGoal(indicatorId, Classification.MONITORING, null, null, LocalAdjustment.ALLOWED);
    }

    static GoalLetterDecider.DraftLetter letter(String issuer, LetterGoal... goals) {
        return new GoalLetterDecider.DraftLetter("l1", null, 2021, issuer, "Mål- og disponeringsbrev 2021", MAIN_GOALS,
                List.of(goals));
    }

    static GoalLetterState drafted(String issuer, LetterGoal... goals) {
        return GoalLetterState.replay(List.<GoalLetterEvent>of(new GoalLetterDrafted("l1", 2021, issuer, "Brev",
                MAIN_GOALS, List.of(goals))));
    }

    static Supplier<String> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> "g" + next.incrementAndGet();
    }

    static String field(Throwable t) {
        return ((Rejection) t).errors().get(0).field() + ":" + ((Rejection) t).errors().get(0).code();
    }

    @Test
    void draftsALetterForTheNationalUnit() {
        GoalLetterDrafted drafted = GoalLetterDecider.decide(letter("0000", steering("B.15", "80"), monitoring("B.16")),
                GoalLetterState.NONE, GoalWorld.nav().context());

        assertThat(drafted.goals()).hasSize(2);
        assertThat(GoalLetterState.evolve(GoalLetterState.NONE, drafted).status()).isEqualTo(LetterStatus.DRAFT);
    }

    @Test
    void onlyTheNationalUnitAndRegionsIssueLetters() {
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0314", steering("B.15", "80")), GoalLetterState.NONE,
                GoalWorld.nav().context())).satisfies(t -> assertThat(field(t)).isEqualTo("issuerUnitId:wrong-level"));
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0999", steering("B.15", "80")), GoalLetterState.NONE,
                GoalWorld.nav().context())).satisfies(t -> assertThat(field(t)).isEqualTo("issuerUnitId:unknown-unit"));
    }

    @Test
    void namesTheOffendingGoalOfTheLetter() {
        GoalContext context = GoalWorld.nav().context();
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0000", steering("B.15", "80"),
                steering("B.16", "180")), GoalLetterState.NONE, context))
                .satisfies(t -> assertThat(field(t)).isEqualTo("goals[1].target:out-of-range"));
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0000", steering("B.15", "80"),
                steering("B.15", "70")), GoalLetterState.NONE, context))
                .satisfies(t -> assertThat(field(t)).isEqualTo("goals[1].indicatorId:duplicate"));
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0000", new LetterGoal("B.15",
                Classification.MONITORING, BigDecimal.TEN, null, null)), GoalLetterState.NONE, context))
                .satisfies(t -> assertThat(field(t)).isEqualTo("goals[0].target:monitoring-has-no-target"));
        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0000", new LetterGoal("B.15",
                Classification.STEERING, BigDecimal.TEN, "Noe annet", null)), GoalLetterState.NONE, context))
                .satisfies(t -> assertThat(field(t)).isEqualTo("goals[0].mainGoal:unknown-main-goal"));
    }

    @Test
    void aRegionCannotUseAnotherUnitsLocalIndicator() {
        GoalContext context = GoalWorld.nav().indicator(GoalWorld.localRatio("L.1", "0400")).context();

        assertThatThrownBy(() -> GoalLetterDecider.decide(letter("0300", steering("L.1", "50")), GoalLetterState.NONE,
                context)).satisfies(t -> assertThat(field(t)).isEqualTo("goals[0].indicatorId:outside-owner"));
    }

    @Test
    void redraftingNeedsTheCurrentVersionAndADraft() {
        GoalLetterState draft = drafted("0000", steering("B.15", "80"));
        GoalLetterDecider.DraftLetter stale = new GoalLetterDecider.DraftLetter("l1", 7L, 2021, "0000", "Brev",
                MAIN_GOALS, List.of(steering("B.15", "81")));
        GoalLetterDecider.DraftLetter current = new GoalLetterDecider.DraftLetter("l1", 1L, 2021, "0000", "Brev",
                MAIN_GOALS, List.of(steering("B.15", "81")));

        assertThat(GoalLetterDecider.decide(current, draft, GoalWorld.nav().context()).goals().get(0).target())
                .isEqualByComparingTo("81");
        assertThatThrownBy(() -> GoalLetterDecider.decide(stale, draft, GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.STALE));
        GoalLetterState published = GoalLetterState.evolve(draft, new GoalLetterPublished("l1", 2021, "0000",
                List.of("g1")));
        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.DraftLetter("l1", 2L, 2021, "0000",
                "Brev", MAIN_GOALS, List.of()), published, GoalWorld.nav().context()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("letter-published"));
    }

    @Test
    void publicationSetsOneGoalPerLetterGoal() {
        GoalLetterDecider.Publication publication = GoalLetterDecider.decide(
                new GoalLetterDecider.PublishLetter("l1", null), drafted("0000", steering("B.15", "80"),
                        monitoring("B.16")), GoalWorld.nav().context(), ids());

        assertThat(publication.published()).isEqualTo(new GoalLetterPublished("l1", 2021, "0000", List.of("g1", "g2")));
        assertThat(publication.goals()).containsExactly(
                new GoalSet("g1", "B.15", 2021, Classification.STEERING, new BigDecimal("80"), GoalOrigin.CENTRAL,
                        "0000", "l1", "Flere i arbeid", LocalAdjustment.ALLOWED, null, null),
                new GoalSet("g2", "B.16", 2021, Classification.MONITORING, null, GoalOrigin.CENTRAL, "0000", "l1", null,
                        LocalAdjustment.ALLOWED, null, null));
    }

    @Test
    void aRegionsLetterSetsRegionalGoals() {
        GoalLetterDecider.Publication publication = GoalLetterDecider.decide(
                new GoalLetterDecider.PublishLetter("l1", null), drafted("0300", steering("B.15", "80")),
                GoalWorld.nav().context(), ids());

        assertThat(publication.goals()).extracting(GoalSet::origin).containsExactly(GoalOrigin.REGIONAL);
    }

    @Test
    void aRegionalLetterCannotAdjustAGoalTheDirectorateLocked() {
        GoalContext context = GoalWorld.nav().goal(goal("B.15").forbidden()).context();

        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.PublishLetter("l1", null),
                drafted("0300", steering("B.15", "70")), context, ids()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("adjustment-forbidden"));
    }

    @Test
    void publicationRespectsEveryUnitsBudget() {
        List<LetterGoal> nine = new ArrayList<>();
        for (String id : List.of("B.15", "B.16", "B.25", "B.31")) {
            nine.add(steering(id, "10"));
        }
        GoalContext context = GoalWorld.nav().budget("0502", 3).context();

        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.PublishLetter("l1", null),
                drafted("0000", nine.toArray(LetterGoal[]::new)), context, ids()))
                .isInstanceOfSatisfying(GoalBudgetExceeded.class, e -> assertThat(e.units())
                        .containsExactly(new GoalBudgetExceeded.Excess("0502", 4, 3)));
    }

    @Test
    void aLetterIsPublishedOnceAndNotEmpty() {
        GoalLetterState draft = drafted("0000", steering("B.15", "80"));
        GoalLetterState published = GoalLetterState.evolve(draft, new GoalLetterPublished("l1", 2021, "0000",
                List.of("g1")));

        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.PublishLetter("l1", null), published,
                GoalWorld.nav().context(), ids()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT));
        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.PublishLetter("l1", null),
                drafted("0000"), GoalWorld.nav().context(), ids()))
                .satisfies(t -> assertThat(field(t)).isEqualTo("goals:required"));
        assertThatThrownBy(() -> GoalLetterDecider.decide(new GoalLetterDecider.PublishLetter("l1", null),
                GoalLetterState.NONE, GoalWorld.nav().context(), ids()))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
    }
}
