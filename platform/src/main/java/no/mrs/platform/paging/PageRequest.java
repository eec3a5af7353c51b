package no.mrs.platform.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A validated page request: how many items, and after which key (null: from the start). Queries fetch
 * {@link #fetchSize()} rows (one more than the limit) so that {@link #page} knows whether a next page exists without
 * counting.
 */
public record PageRequest(int limit, String after) {

    public int fetchSize() {
        return limit + 1;
    }

    /** The parts of the {@code after} cursor (null on the first page); a 400 naming {@code after} if it is not ours. */
    public List<String> afterKey(int parts) {
        return after == null ? null : Cursor.parts(after, parts);
    }

    /** A page of rows fetched in key order, at most {@link #fetchSize()} of them. */
    public <T> Page<T> page(List<T> fetched, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    /** A page of a list built in memory, in key order: the items after the cursor ({@code isAfter}), then the limit. */
    public <T> Page<T> slice(List<T> sorted, Predicate<T> isAfter, Function<T, String> cursorOf) {
        List<T> rest = after == null ? sorted : sorted.stream().filter(isAfter).limit(fetchSize()).toList();
        return page(rest.size() > fetchSize() ? rest.subList(0, fetchSize()) : rest, cursorOf);
    }
}
