package no.mrs.reporting.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map keyed by text, for the read model's many per-month maps of the offices' figures (unit id to figure): the keys
 * and values in two arrays, looked up with open addressing and linear probing in a table at most three quarters full.
 * An entry costs about 11 bytes where a {@link java.util.HashMap} spends an entry object (24–32 bytes) and a slot of its
 * table on it — with millions of figures in memory, and two models during a rebuild, that is most of what the map
 * costs. Not thread-safe, like {@code HashMap} (readers may read concurrently while nobody writes); null keys are not
 * allowed; iteration order is the table's. {@link #remove} puts the other entries back (removals are rare).
 */
public final class TextKeyMap<V> extends AbstractMap<String, V> {

    private String[] keys;
    private Object[] values;
    private int size;

    public TextKeyMap() {
        allocate(8);
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        values = new Object[capacity];
    }

    private static int slot(String key, int mask) {
        int h = key.hashCode() * 0x9E3779B9; // spreads keys that differ in their last characters
        return (h ^ (h >>> 16)) & mask;
    }

    /** The key's slot, or -1 - the free slot where it would go. */
    private int find(String key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1 - i;
            }
            if (k == key || k.equals(key)) {
                return i;
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String text && find(text) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof String text)) {
            return null;
        }
        int at = find(text);
        return at >= 0 ? (V) values[at] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        int at = find(key);
        if (at >= 0) {
            V old = (V) values[at];
            values[at] = value;
            return old;
        }
        if ((size + 1) * 4 > keys.length * 3) {
            rehash(keys.length * 2);
            at = find(key);
        }
        int free = -1 - at;
        keys[free] = key;
        values[free] = value;
        size++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (!(key instanceof String text)) {
            return null;
        }
        int at = find(text);
        if (at < 0) {
            return null;
        }
        V old = (V) values[at];
        keys[at] = null;
        values[at] = null;
        rehash(keys.length);
        return old;
    }

    @Override
    public void clear() {
        allocate(8);
        size = 0;
    }

    private void rehash(int capacity) {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int free = -1 - find(oldKeys[i]);
                keys[free] = oldKeys[i];
                values[free] = oldValues[i];
                size++;
            }
        }
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Slots<>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    Entry<String, V> at(int slot) {
                        return new SimpleImmutableEntry<>(keys[slot], (V) values[slot]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
        String[] k = keys;
        Object[] v = values;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != null) {
                action.accept(k[i], (V) v[i]);
            }
        }
    }

    /** The values, iterated without an entry object each (aggregation reads them). */
    @Override
    public java.util.Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Slots<>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    V at(int slot) {
                        return (V) values[slot];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The keys, iterated without an entry object each. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Slots<>() {
                    @Override
                    String at(int slot) {
                        return keys[slot];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }
        };
    }

    /** What is in the used slots of the table (a slot is used where its key is set), one thing a slot. */
    private abstract class Slots<T> implements Iterator<T> {
        private int next = advance(0);

        abstract T at(int slot);

        private int advance(int from) {
            int i = from;
            while (i < keys.length && keys[i] == null) {
                i++;
            }
            return i;
        }

        @Override
        public boolean hasNext() {
            return next < keys.length;
        }

        @Override
        public T next() {
            if (next >= keys.length) {
                throw new NoSuchElementException();
            }
            int slot = next;
            next = advance(next + 1);
            return at(slot);
        }
    }

    /** The table's length (for tests of its growth). */
    int capacity() {
        return keys.length;
    }
}
