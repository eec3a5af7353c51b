package no.mrs.platform.time;

import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map keyed by month, for the many small per-month maps of the read models and the deciders.
 *
 * <p>Why not a {@link java.util.HashMap}: {@link YearMonth#hashCode()} is {@code year ^ (month << 27)}, so the months
 * of one year differ only in high bits that a hash table of fewer than 2,048 buckets never looks at — a year's twelve
 * months share one bucket, which the table turns into a tree searched with {@code compareTo} (and reflection to
 * find it). Here a month is its number since year 0 ({@code year * 12 + month - 1}), looked up with open addressing
 * and linear probing in a table kept at most half full. Not thread-safe, like {@code HashMap}; iteration order is
 * the table's.
 */
public final class MonthMap<V> extends AbstractMap<YearMonth, V> {

    /** No month's index: |year| is at most 999,999,999, so an index is far from it. */
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private YearMonth[] months;
    private Object[] values;
    private int size;

    public MonthMap() {
        this(8);
    }

    public MonthMap(int expected) {
        int capacity = 8;
        while (capacity < expected * 2) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    /** A copy of another map of months. */
    public MonthMap(java.util.Map<YearMonth, ? extends V> other) {
        this(other.size());
        putAll(other);
    }

    /** The month's number since year 0: consecutive months are consecutive numbers, and distinct for distinct months. */
    public static long index(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    /** A hash code for a month that spreads the months of a year (unlike {@link YearMonth#hashCode()}). */
    public static int hash(YearMonth month) {
        return Long.hashCode(index(month));
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        months = new YearMonth[capacity];
        values = new Object[capacity];
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads consecutive months over the table
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == EMPTY) {
                return -1 - i;
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof YearMonth month && find(index(month)) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof YearMonth month)) {
            return null;
        }
        int at = find(index(month));
        return at >= 0 ? (V) values[at] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(YearMonth month, V value) {
        long key = index(month);
        int at = find(key);
        if (at >= 0) {
            V old = (V) values[at];
            values[at] = value;
            return old;
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
            at = find(key);
        }
        int free = -1 - at;
        keys[free] = key;
        months[free] = month;
        values[free] = value;
        size++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (!(key instanceof YearMonth month)) {
            return null;
        }
        int at = find(index(month));
        if (at < 0) {
            return null;
        }
        V old = (V) values[at];
        // removals are rare here (a derived sum dropped): put the others back rather than shift probe chains
        keys[at] = EMPTY;
        months[at] = null;
        values[at] = null;
        rehash(keys.length);
        return old;
    }

    @Override
    public void clear() {
        allocate(8);
        size = 0;
    }

    /** Puts every entry into a table of this capacity. */
    private void rehash(int capacity) {
        long[] oldKeys = keys;
        YearMonth[] oldMonths = months;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insertNew(oldKeys[i], oldMonths[i], oldValues[i]);
            }
        }
    }

    private void insertNew(long key, YearMonth month, Object value) {
        int free = -1 - find(key);
        keys[free] = key;
        months[free] = month;
        values[free] = value;
        size++;
    }

    @Override
    public Set<Entry<YearMonth, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<YearMonth, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);
                    private int last = -1;

                    private int advance(int from) {
                        int i = from;
                        while (i < keys.length && keys[i] == EMPTY) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<YearMonth, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        last = next;
                        next = advance(next + 1);
                        int at = last;
                        return new SimpleEntry<>(months[at], (V) values[at]) {
                            @Override
                            public V setValue(V value) {
                                values[at] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
