package no.mrs.platform.limits;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    @Test
    void grantsTheBurstAtOnceThenRefuses() {
        RateLimiter limiter = new RateLimiter(2, 3, clock::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isBetween(SECOND / 2, SECOND / 2 + 1);
    }

    @Test
    void refillsAtTheRateAndNeverAboveTheBurst() {
        RateLimiter limiter = new RateLimiter(2, 3, clock::get);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        clock.addAndGet(SECOND / 2);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
        clock.addAndGet(3600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void aRefusalTakesNothing() {
        RateLimiter limiter = new RateLimiter(1, 1, clock::get);
        limiter.tryAcquire("a");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a")).isPositive();
        }
        clock.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("a")).isZero();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 1, clock::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).isZero();
    }

    @Test
    void retryAfterIsTheWaitInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RateLimiter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(SECOND)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(SECOND + 1)).isEqualTo(2);
        RateLimiter slow = new RateLimiter(0.01, 1, clock::get);
        slow.tryAcquire("a");
        assertThat(RateLimiter.retryAfterSeconds(slow.tryAcquire("a"))).isBetween(100L, 101L);
    }

    @Test
    void forgetsIdleKeysOnceThereAreMany() {
        RateLimiter limiter = new RateLimiter(1, 1, clock::get);
        for (int i = 0; i <= 10_000; i++) {
            limiter.tryAcquire("k" + i);
        }
        clock.addAndGet(2 * SECOND);
        limiter.tryAcquire("fresh");
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.tryAcquire("fresh")).as("the active key keeps its state").isPositive();
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(1e-9, 1_000, clock::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            granted.add(pool.submit(() -> {
                start.await();
                int n = 0;
                for (int i = 0; i < 500; i++) {
                    if (limiter.tryAcquire("same") == 0) {
                        n++;
                    }
                }
                return n;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : granted) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1_000);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
