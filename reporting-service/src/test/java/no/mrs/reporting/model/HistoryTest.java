package no.mrs.reporting.model;

import no.mrs.contracts.result.Outlier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model's history: packed superseded versions come back exactly, and asOf views pick the right one. */
class HistoryTest {

    private static final YearMonth MONTH = YearMonth.of(2021, 3);

    private static Result figure(String numerator, String denominator, String value, String comment, Outlier outlier,
            int confirmations, long knownFrom) {
        return new Result("0105", "B.77", MONTH, numerator == null ? null : new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), value == null ? null : new BigDecimal(value),
                comment, null, 0L, outlier, confirmations, knownFrom);
    }

    @Test
    void packedVersionsComeBackExactlyWhateverTheirScaleWidthCommentAndMark() {
        History history = new History();
        List<Result> versions = List.of(
                figure("77", "100", null, null, null, 0, 1_000L),
                figure("12.50", "1E+3", null, "Ferie i mars", null, 0, 2_000L),
                figure(null, null, "123456789012345678901234567890.5", null,
                        new Outlier(new BigDecimal("1680"), new BigDecimal("69.45"), new BigDecimal("404")), 2, 3_000L),
                figure("0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "000000000000000000000000000000000001", "-5", null, null, null, 70_000, Result.ALWAYS),
                figure("-2147483648", "2147483647", null, null, null, 8191, 4_000L),
                figure("2147483648", "1", null, null, null, 0, 5_000L),
                figure(null, null, "-9223372036854775808", null, null, 0, 6_000L),
                figure("1", null, "2", null, null, 0, 7_000L),
                figure(null, null, null, null, null, 0, 8_000L));
        history.add(versions.get(0), Superseded.Change.CORRECTION, 3);
        history.add(versions.get(1), Superseded.Change.CONFIRMATION, -1);
        history.add(versions.get(2), Superseded.Change.CORRECTION, 0);
        history.add(versions.get(3), Superseded.Change.CORRECTION, Integer.MAX_VALUE);
        for (int i = 4; i < versions.size(); i++) {
            history.add(versions.get(i), Superseded.Change.CONFIRMATION, i);
        }

        assertThat(history.size()).isEqualTo(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            Result back = history.result(i, "0105", "B.77", MONTH);
            assertThat(back).isEqualTo(versions.get(i));
            assertThat(back.numerator()).isEqualTo(versions.get(i).numerator()); // the scale too
            assertThat(back.denominator()).isEqualTo(versions.get(i).denominator());
            assertThat(back.value()).isEqualTo(versions.get(i).value());
            assertThat(back.confirmations()).isEqualTo(versions.get(i).confirmations());
            assertThat(back.knownFrom()).isEqualTo(versions.get(i).knownFrom());
        }
        assertThat(history.change(1)).isEqualTo(Superseded.Change.CONFIRMATION);
        assertThat(history.reason(0)).isEqualTo(3);
        assertThat(history.reason(1)).isEqualTo(-1);
        assertThat(history.reason(3)).isEqualTo(Integer.MAX_VALUE);
        assertThat(history.reason(8)).isEqualTo(8);
        assertThat(history.change(8)).isEqualTo(Superseded.Change.CONFIRMATION);
        assertThat(history.change(3)).isEqualTo(Superseded.Change.CORRECTION);
        assertThat(history.knownAt(3, 0L)).as("a version without a time was always known").isTrue();
    }

    @Test
    void aViewAtAnInstantSeesTheVersionKnownThenAndWhatChangedSince() {
        ReadModel model = new ReadModel();
        Instant t1 = Instant.parse("2026-01-10T10:00:00Z");
        Instant t2 = Instant.parse("2026-02-10T10:00:00Z");
        model.put(new Unit("0105", "Nav Sarpsborg", no.mrs.contracts.goal.UnitLevel.OFFICE, List.of()));
        model.applying(t1);
        model.put(figure("90", "100", null, null, null, 0, Result.ALWAYS));
        model.applying(t2);
        model.put(figure("30", "60", null, null, null, 0, Result.ALWAYS), null, Superseded.Change.CORRECTION,
                "Feil i fagsystemet");
        model.applied();

        Result.Key key = new Result.Key("0105", "B.77", MONTH);
        assertThat(model.asSeenAt(t1.minusSeconds(1)).result(key)).isEmpty();
        assertThat(model.asSeenAt(t1).result(key).orElseThrow().numerator()).isEqualByComparingTo("90");
        assertThat(model.asSeenAt(t2.minusMillis(1)).result(key).orElseThrow().numerator()).isEqualByComparingTo("90");
        assertThat(model.asSeenAt(t2).result(key).orElseThrow().numerator()).isEqualByComparingTo("30");
        assertThat(model.asSeenAt(t1.plusSeconds(60)).since("B.77", MONTH, java.util.Set.of("0105")))
                .isEqualTo(new AsOfView.Since(1, 0, List.of("Feil i fagsystemet")));
        assertThat(model.asSeenAt(t1.minusSeconds(60)).since("B.77", MONTH, java.util.Set.of("0105")))
                .isEqualTo(new AsOfView.Since(0, 1, List.of()));
        assertThat(model.superseded(key)).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo("Feil i fagsystemet");
            assertThat(v.result().knownFrom()).isEqualTo(t1.toEpochMilli());
        });
    }
}
