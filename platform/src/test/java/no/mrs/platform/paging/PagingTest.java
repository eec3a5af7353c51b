package no.mrs.platform.paging;

import no.mrs.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    final Paging paging = new Paging(new PagingConfig() {
        @Override
        public int defaultLimit() {
            return 100;
        }

        @Override
        public int maxLimit() {
            return 1000;
        }
    });

    @Test
    void appliesTheDefaultLimitWhenNoneIsGiven() {
        assertThat(paging.request(null, null)).isEqualTo(new PageRequest(100, null));
        assertThat(paging.request("1000", null).limit()).isEqualTo(1000);
    }

    @Test
    void aDefaultAboveTheMaximumIsTheMaximum() {
        Paging misconfigured = new Paging(new PagingConfig() {
            @Override
            public int defaultLimit() {
                return 500;
            }

            @Override
            public int maxLimit() {
                return 50;
            }
        });
        assertThat(misconfigured.request(null, null).limit()).isEqualTo(50);
    }

    @Test
    void rejectsLimitsOutOfRangeNamingTheParameter() {
        for (String limit : List.of("0", "-1", "1001", "99999999999999999999999")) {
            assertThatThrownBy(() -> paging.request(limit, null)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("limit");
                    assertThat(error.code()).isEqualTo("out-of-range");
                });
            });
        }
    }

    @Test
    void rejectsLimitsThatAreNotWholeNumbers() {
        for (String limit : List.of("", "ten", "1.5", "1e3", " 5", "0x10")) {
            assertThatThrownBy(() -> paging.request(limit, null)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("limit");
                        assertThat(error.code()).isEqualTo("invalid-type");
                    }));
        }
    }

    @Test
    void rejectsCursorsItDidNotHandOut() {
        for (String after : List.of("", "not base64!", "%%%")) {
            assertThatThrownBy(() -> paging.request(null, after)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("after")));
        }
        PageRequest twoParts = paging.request(null, Cursor.of("B.15", "2022-01"));
        assertThat(twoParts.afterKey(2)).containsExactly("B.15", "2022-01");
        assertThatThrownBy(() -> twoParts.afterKey(1)).isInstanceOf(ProblemException.class);
    }

    @Test
    void pagesHaveANextCursorOnlyWhenMoreRemain() {
        PageRequest three = new PageRequest(3, null);
        assertThat(three.page(List.of("a", "b", "c"), Cursor::of).next()).isNull();
        Page<String> first = three.page(List.of("a", "b", "c", "d"), Cursor::of);
        assertThat(first.items()).containsExactly("a", "b", "c");
        assertThat(first.next()).isEqualTo(Cursor.of("c"));
    }

    @Test
    void slicesAnInMemoryListAfterTheCursorWithoutDuplicatesOrGaps() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            PageRequest request = new PageRequest(2, after);
            String key = after == null ? null : request.afterKey(1).get(0);
            Page<String> page = request.slice(all, item -> item.compareTo(key) > 0, Cursor::of);
            seen.addAll(page.items());
            after = page.next();
        } while (after != null);
        assertThat(seen).isEqualTo(all);
    }
}
