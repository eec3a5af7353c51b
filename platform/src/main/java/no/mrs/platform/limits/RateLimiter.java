package no.mrs.platform.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (for example per caller): each key may take {@code burst} permits at once and gets
 * {@code permitsPerSecond} back over time. Thread-safe and lock-free between keys; the state is in this JVM only, so
 * with several replicas each one limits on its own (a caller may get up to replicas x the rate).
 *
 * <p>A bucket that has filled up again is the same as no bucket, so idle keys are dropped from time to time and
 * the map stays as small as the set of recently active keys.
 */
public final class RateLimiter {

    /** A bucket's state: immutable, replaced atomically per key. */
    private record Bucket(double permits, long at) {
    }

    private static final int SWEEP_ABOVE = 10_000;

    private final double permitsPerNano;
    private final double burst;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    public RateLimiter(double permitsPerSecond, int burst) {
        this(permitsPerSecond, burst, System::nanoTime);
    }

    public RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoClock) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.permitsPerNano = permitsPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.refillNanos = (long) Math.ceil(burst / permitsPerNano);
        this.nanoClock = nanoClock;
        this.nextSweep = nanoClock.getAsLong() + refillNanos;
    }

    /**
     * Takes one permit for the key if there is one.
     *
     * @return 0 when the permit was taken; otherwise how many nanoseconds until one is free (nothing is taken)
     */
    public long tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        long[] wait = new long[1];
        buckets.compute(key, (k, bucket) -> {
            double permits = bucket == null ? burst
                    : Math.min(burst, bucket.permits() + (now - bucket.at()) * permitsPerNano);
            if (permits >= 1) {
                wait[0] = 0;
                return new Bucket(permits - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - permits) / permitsPerNano));
            return new Bucket(permits, now);
        });
        if (buckets.size() > SWEEP_ABOVE && now - nextSweep >= 0) {
            sweep(now);
        }
        return wait[0];
    }

    /** Seconds to tell a refused client (Retry-After): the wait rounded up, at least 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** How many keys have a bucket now (for tests and metrics). */
    public int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        nextSweep = now + refillNanos;
        // removes an entry only if it is still the same (full) bucket: a concurrent acquire replaces it first
        buckets.entrySet().removeIf(e -> now - e.getValue().at() >= refillNanos);
    }
}
