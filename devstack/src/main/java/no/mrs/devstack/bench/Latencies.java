package no.mrs.devstack.bench;

import java.util.Arrays;

/** Recorded durations in microseconds, thread-safe, with percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos / 1000;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile in milliseconds (p in 0..100); NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return count == 0 ? Double.NaN : max / 1000.0;
    }
}
