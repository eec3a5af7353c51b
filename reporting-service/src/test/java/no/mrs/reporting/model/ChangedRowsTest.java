package no.mrs.reporting.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A save's rows split for concurrent savers: every row once, a key's rows together and in order, the rest first. */
class ChangedRowsTest {

    @Test
    void everyRowGoesToExactlyOnePartAndAKeysRowsStayTogetherInOrder() {
        List<Result> results = new ArrayList<>();
        Map<Result.Key, Reported> reported = new LinkedHashMap<>();
        Set<Result.Key> added = new HashSet<>();
        List<Superseded> superseded = new ArrayList<>();
        for (int office = 0; office < 40; office++) {
            for (int month = 1; month <= 6; month++) {
                Result r = new Result(String.format("%04d", office), "B.15", YearMonth.of(2021, month),
                        BigDecimal.valueOf(office), BigDecimal.TEN, null, null, "m-" + office + "-" + month, 2);
                results.add(r);
                if (month % 2 == 0) {
                    reported.put(r.key(), new Reported(Instant.EPOCH, "system", "SYSTEM"));
                }
                if (month % 3 == 0) {
                    added.add(r.key());
                }
                superseded.add(new Superseded(r, Superseded.Change.CORRECTION, "ny", 1));
                superseded.add(new Superseded(r, Superseded.Change.CORRECTION, "igjen", 2));
            }
        }
        Map<String, Long> streams = Map.of("unit/0300", 4L);
        ChangedRows rows = new ChangedRows(List.of(), List.of(), List.of(), results, reported, Map.of(), List.of(),
                List.of(), superseded, streams, Map.of(), added);

        List<ChangedRows> parts = rows.split(2);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).streams()).isEqualTo(streams);
        assertThat(parts.get(1).streams()).isEmpty();
        assertThat(parts.stream().mapToInt(ChangedRows::size).sum()).isEqualTo(rows.size());
        assertThat(parts).allSatisfy(part -> assertThat(part.results()).isNotEmpty());
        Map<Result.Key, Integer> partOf = new HashMap<>();
        List<Result> merged = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int lane = i;
            ChangedRows part = parts.get(i);
            for (Result r : part.results()) {
                assertThat(partOf.put(r.key(), lane)).isNull();
                merged.add(r);
            }
            // each part keeps the original order of its rows
            assertThat(part.results()).isSortedAccordingTo((a, b) -> results.indexOf(a) - results.indexOf(b));
            for (Superseded v : part.supersededResults()) {
                assertThat(partOf.get(v.result().key())).isEqualTo(lane);
            }
            assertThat(part.supersededResults())
                    .isSortedAccordingTo((a, b) -> superseded.indexOf(a) - superseded.indexOf(b));
            part.reported().forEach((key, first) -> assertThat(partOf.get(key)).isEqualTo(lane));
            part.added().forEach(key -> assertThat(partOf.get(key)).isEqualTo(lane));
        }
        assertThat(merged).containsExactlyInAnyOrderElementsOf(results);
        assertThat(parts.get(0).reported().size() + parts.get(1).reported().size()).isEqualTo(reported.size());
        Set<Result.Key> addedInParts = new HashSet<>(parts.get(0).added());
        addedInParts.addAll(parts.get(1).added());
        assertThat(addedInParts).isEqualTo(added);
        assertThat(parts.get(0).supersededResults().size() + parts.get(1).supersededResults().size())
                .isEqualTo(superseded.size());
        // one part: the rows as they were
        assertThat(rows.split(1).get(0)).isEqualTo(rows);
    }
}
