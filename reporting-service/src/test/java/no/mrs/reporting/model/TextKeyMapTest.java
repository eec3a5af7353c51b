package no.mrs.reporting.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-month map of unit ids behaves as a HashMap does, whatever the keys' hash codes, and stays compact. */
class TextKeyMapTest {

    @Test
    void behavesAsAHashMapThroughRandomPutsOverwritesRemovesAndReads() {
        Random random = new Random(16);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            keys.add(String.format("%04d", i));
        }
        // keys whose hash codes collide ("Aa" and "BB" hash alike, and so do their concatenations)
        for (String a : List.of("Aa", "BB")) {
            for (String b : List.of("Aa", "BB")) {
                for (String c : List.of("Aa", "BB")) {
                    keys.add(a + b + c);
                }
            }
        }
        TextKeyMap<Integer> map = new TextKeyMap<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int step = 0; step < 40_000; step++) {
            String key = keys.get(random.nextInt(keys.size()));
            // a key equal to the stored one but another instance: found by equals, not only by identity
            String probe = new String(key.toCharArray());
            switch (random.nextInt(10)) {
                case 0 -> assertThat(map.remove(probe)).isEqualTo(expected.remove(key));
                case 1, 2, 3 -> assertThat(map.get(probe)).isEqualTo(expected.get(key));
                case 4 -> assertThat(map.containsKey(probe)).isEqualTo(expected.containsKey(key));
                default -> assertThat(map.put(key, step)).isEqualTo(expected.put(key, step));
            }
            assertThat(map.size()).isEqualTo(expected.size());
            if (step % 4_000 == 0) {
                assertThat(map).isEqualTo(expected);
            }
        }
        assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(map.entrySet()).containsExactlyInAnyOrderElementsOf(expected.entrySet());
        assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
        assertThat(map.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<String, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).isEqualTo(expected);
        assertThat(map.get(42)).isNull();
        assertThat(map.containsKey(null)).isFalse();
    }

    @Test
    void growsToStayAtMostThreeQuartersFullAndRefusesANullKey() {
        TextKeyMap<String> map = new TextKeyMap<>();
        for (int i = 0; i < 250; i++) {
            map.put("office-" + i, "figure " + i);
            assertThat(map.size() * 4).isLessThanOrEqualTo(map.capacity() * 3);
        }
        assertThat(map.capacity()).isEqualTo(512);
        assertThat(map.get("office-249")).isEqualTo("figure 249");
        assertThatThrownBy(() -> map.put(null, "x")).isInstanceOf(NullPointerException.class);
        map.clear();
        assertThat(map).isEmpty();
        assertThat(map.get("office-1")).isNull();
        assertThat(map.values()).isEmpty();
        assertThat(map.keySet().iterator().hasNext()).isFalse();
    }
}
