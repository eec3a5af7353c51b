package no.mrs.platform.events;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientRetryTest {

    final TransientRetry retry = new TransientRetry(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(100));

    static RuntimeException wrapped(String sqlState, String message) {
        return new IllegalStateException("Saving failed", new SQLException(message, sqlState));
    }

    @Test
    void aDatabaseRestartIsTransientWhereverItIsWrapped() {
        assertThat(TransientRetry.isTransient(wrapped("57P01", "terminating connection due to administrator command")))
                .isTrue();
        assertThat(TransientRetry.isTransient(wrapped("57P03", "the database system is starting up"))).isTrue();
        assertThat(TransientRetry.isTransient(wrapped("08001", "Connection to localhost:5433 refused"))).isTrue();
        assertThat(TransientRetry.isTransient(wrapped("08006", "An I/O error occurred while sending to the backend")))
                .isTrue();
        assertThat(TransientRetry.isTransient(wrapped(null, "Sorry, acquisition timeout!"))).isTrue();
        assertThat(TransientRetry.isTransient(wrapped("40001", "could not serialize access"))).isTrue();
        assertThat(TransientRetry.isTransient(new ConcurrencyConflictException("stream"))).isTrue();
    }

    @Test
    void aBugOrABadStatementIsNotTransient() {
        assertThat(TransientRetry.isTransient(wrapped("23505", "duplicate key value"))).isFalse();
        assertThat(TransientRetry.isTransient(wrapped("42P01", "relation does not exist"))).isFalse();
        assertThat(TransientRetry.isTransient(wrapped(null, "something else"))).isFalse();
        assertThat(TransientRetry.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientRetry.isTransient(new IllegalArgumentException("bad record"))).isFalse();
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesHoweverLongItLasts() {
        AtomicInteger calls = new AtomicInteger();
        String outcome = retry.call("applying", () -> {
            if (calls.incrementAndGet() < 25) {
                throw wrapped("08001", "Connection refused");
            }
            return "done";
        });
        assertThat(outcome).isEqualTo("done");
        assertThat(calls).hasValue(25);
        assertThat(retry.stalled()).isEmpty();
    }

    @Test
    void anyOtherFailureIsRetriedForAWhileAndThenThrown() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("applying", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).hasMessage("a bug");
        assertThat(calls.get()).isGreaterThan(3);
        assertThat(retry.stalled()).isEmpty();
    }

    @Test
    void whatWaitsIsReportedWhileItWaits() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("applying goal events", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new UncheckedIOException(new java.io.IOException("broken", new ConnectException("refused")));
            }
            if (calls.get() < 4) {
                throw wrapped("57P01", "terminating connection");
            }
            assertThat(retry.stalled().values()).singleElement()
                    .satisfies(s -> assertThat(s.what()).isEqualTo("applying goal events"))
                    .satisfies(s -> assertThat(s.lastFailure()).contains("terminating connection"));
        });
        assertThat(retry.stalled()).isEmpty();
    }
}
