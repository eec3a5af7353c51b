package no.mrs.platform.time;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonthMapTest {

    @Test
    void behavesAsAHashMapUnderRandomPutsGetsAndRemovals() {
        Random random = new Random(42);
        Map<YearMonth, Integer> expected = new HashMap<>();
        MonthMap<Integer> months = new MonthMap<>();
        for (int step = 0; step < 20_000; step++) {
            YearMonth month = YearMonth.of(2015 + random.nextInt(12), 1 + random.nextInt(12));
            switch (random.nextInt(4)) {
                case 0, 1 -> assertEquals(expected.put(month, step), months.put(month, step));
                case 2 -> assertEquals(expected.remove(month), months.remove(month));
                default -> assertEquals(expected.get(month), months.get(month));
            }
            assertEquals(expected.size(), months.size());
            assertEquals(expected.containsKey(month), months.containsKey(month));
        }
        assertEquals(expected, months);
        assertEquals(expected.hashCode(), months.hashCode());
        Map<YearMonth, Integer> iterated = new HashMap<>();
        months.forEach(iterated::put);
        assertEquals(expected, iterated);
    }

    @Test
    void tellsFarApartMonthsApartAndAnswersOtherKeysWithNothing() {
        MonthMap<String> months = new MonthMap<>();
        months.put(YearMonth.of(-999_999_999, 1), "first");
        months.put(YearMonth.of(999_999_999, 12), "last");
        months.put(YearMonth.of(2024, 2), "then");
        assertEquals("first", months.get(YearMonth.of(-999_999_999, 1)));
        assertEquals("last", months.get(YearMonth.of(999_999_999, 12)));
        assertEquals("then", months.get(YearMonth.of(2024, 2)));
        assertNull(months.get(YearMonth.of(2024, 3)));
        assertNull(months.get("2024-02"));
        assertFalse(months.containsKey(null));
        months.computeIfAbsent(YearMonth.of(2024, 3), m -> "computed");
        assertEquals(4, months.size());
        months.entrySet().iterator().next().setValue("set");
        assertTrue(months.containsValue("set"));
        months.clear();
        assertTrue(months.isEmpty());
    }

    @Test
    void copiesAMap() {
        Map<YearMonth, Integer> source = Map.of(YearMonth.of(2021, 1), 1, YearMonth.of(2021, 2), 2);
        assertEquals(source, new MonthMap<>(source));
    }

    @Test
    void theMonthsOfAYearHaveDistinctHashes() {
        Set<Integer> lowBits = new HashSet<>();
        for (int month = 1; month <= 12; month++) {
            // what a table of 16 buckets looks at: YearMonth's own hash codes all agree there within a year
            lowBits.add(MonthMap.hash(YearMonth.of(2024, month)) & 15);
        }
        assertEquals(12, lowBits.size());
        assertNotEquals(MonthMap.index(YearMonth.of(2024, 12)), MonthMap.index(YearMonth.of(2025, 1)));
    }
}
