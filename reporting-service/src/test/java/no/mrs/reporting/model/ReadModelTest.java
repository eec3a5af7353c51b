package no.mrs.reporting.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The lean keeping of results: versions inside the results, shared ids, measurement ids only on their way out. */
class ReadModelTest {

    private static final YearMonth JUNE = YearMonth.of(2021, 6);

    private static Result result(String unitId, String measurementId, int numerator) {
        return new Result(unitId, "B.15", JUNE, BigDecimal.valueOf(numerator), BigDecimal.valueOf(100), null, null,
                measurementId);
    }

    @Test
    void keepsAResultStreamsVersionThroughACorrection() {
        ReadModel model = new ReadModel();
        String stream = "result:0402/B.15/2021-06";
        model.put(result("0402", "m-1", 70));
        model.streamApplied(stream, 1);
        model.put(result("0402", "m-2", 75));
        assertThat(model.streamVersion(stream)).as("a correction is applied before its version").isEqualTo(1);
        model.streamApplied(stream, 2);

        assertThat(model.streamVersion(stream)).isEqualTo(2);
        assertThat(model.streamVersions()).containsEntry(stream, 2L).hasSize(1);
        assertThat(model.streamCount()).isEqualTo(1);
        assertThat(model.result(new Result.Key("0402", "B.15", JUNE)).orElseThrow().numerator()).isEqualByComparingTo("75");
    }

    @Test
    void keepsOtherStreamsAndOddResultIdsByTheirId() {
        ReadModel model = new ReadModel();
        model.streamApplied("unit:0402", 3);
        model.streamApplied("result:0402/B.15/2021-6", 1); // not a month as the key spells it
        model.streamApplied("result:0999/B.15/2021-06", 4); // no such result (an event of a type unknown here)

        assertThat(model.streamVersion("unit:0402")).isEqualTo(3);
        assertThat(model.streamVersion("result:0402/B.15/2021-6")).isEqualTo(1);
        assertThat(model.streamVersion("result:0999/B.15/2021-06")).isEqualTo(4);
        assertThat(model.streamVersion("result:0402/B.15/2021-06")).isZero();
        assertThat(model.streamCount()).isEqualTo(3);
    }

    @Test
    void hasTheChangedRowsCarryTheMeasurementIdThatMemoryDoesNotKeep() {
        ReadModel model = new ReadModel();
        model.put(result("0402", "m-1", 70));
        model.streamApplied("result:0402/B.15/2021-06", 1);

        ChangedRows rows = model.takeChangedRows();

        assertThat(rows.results()).extracting(Result::measurementId).containsExactly("m-1");
        // the figure's row carries its stream's version: no stream_position row beside it
        assertThat(rows.results()).extracting(Result::streamVersion).containsExactly(1L);
        assertThat(rows.streams()).isEmpty();
        assertThat(model.result(new Result.Key("0402", "B.15", JUNE)).orElseThrow().measurementId()).isNull();
        assertThat(model.takeChangedRows().isEmpty()).isTrue();
    }

    @Test
    void savesAResultStreamsVersionOnItsOwnWhenTheFigureIsNotSavedWithIt() {
        ReadModel model = new ReadModel();
        model.put(result("0402", "m-1", 70));
        model.streamApplied("result:0402/B.15/2021-06", 1);
        model.takeChangedRows();
        // an event on the figure's stream that does not change the figure (a type this release does not know)
        model.streamApplied("result:0402/B.15/2021-06", 2);

        ChangedRows rows = model.takeChangedRows();

        assertThat(rows.results()).isEmpty();
        assertThat(rows.streams()).containsExactly(java.util.Map.entry("result:0402/B.15/2021-06", 2L));
    }

    @Test
    void sharesOneInstanceOfEachUnitIndicatorAndMonth() {
        ReadModel model = new ReadModel();
        model.put(new Result(new String("0402"), new String("B.15"), YearMonth.parse("2021-06"), BigDecimal.ONE,
                BigDecimal.TEN, null, null, "a"));
        model.put(new Result(new String("0402"), new String("B.15"), YearMonth.parse("2021-05"), BigDecimal.ONE,
                BigDecimal.TEN, null, null, "b"));
        model.put(new Result(new String("0403"), new String("B.15"), YearMonth.parse("2021-06"), BigDecimal.ONE,
                BigDecimal.TEN, null, null, "c"));

        Result june0402 = model.result(new Result.Key("0402", "B.15", JUNE)).orElseThrow();
        Result may0402 = model.result(new Result.Key("0402", "B.15", YearMonth.of(2021, 5))).orElseThrow();
        Result june0403 = model.result(new Result.Key("0403", "B.15", JUNE)).orElseThrow();
        assertThat(june0402.unitId()).isSameAs(may0402.unitId());
        assertThat(june0402.indicatorId()).isSameAs(june0403.indicatorId());
        assertThat(june0402.period()).isSameAs(june0403.period());
        assertThat(model.results()).hasSize(3);
        assertThat(model.resultMonths()).containsExactlyInAnyOrder(JUNE, YearMonth.of(2021, 5));
    }

    @Test
    void aResultStreamIdIsReadAsBeforeWithoutTheDateFormatter() {
        for (String id : new String[] { "result:0314/B.15/2021-06", "result:0314/B.15/0999-12", "result:a/b/c/2021-01",
                "result:0314/B.15/2021-13", "result:0314/B.15/2021-00", "result:0314/B.15/2021-6",
                "result:0314/B.15/+2021-06", "result:0314/B.15/20210-06", "result:0314/B.15/2021-1x",
                "result:0314/2021-06", "result://2021-06", "goal:g-1", "result:0314/B.15/2021/06" }) {
            org.assertj.core.api.Assertions.assertThat(ReadModel.resultStream(id)).as(id).isEqualTo(slowly(id));
        }
    }

    /** What {@link ReadModel#resultStream} did before it had a fast path. */
    private static Result.Key slowly(String streamId) {
        if (!streamId.startsWith("result:")) {
            return null;
        }
        int first = streamId.indexOf('/', 7);
        int last = streamId.lastIndexOf('/');
        if (first < 0 || last <= first) {
            return null;
        }
        try {
            Result.Key key = new Result.Key(streamId.substring(7, first), streamId.substring(first + 1, last),
                    java.time.YearMonth.parse(streamId.substring(last + 1)));
            return ReadModel.resultStreamId(key).equals(streamId) ? key : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
