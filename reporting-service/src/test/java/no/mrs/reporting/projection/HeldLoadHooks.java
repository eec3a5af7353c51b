package no.mrs.reporting.projection;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The background load's hooks for tests: either point can be held closed (latches, no sleeping), so that a test
 * sees the service while the current model or its history is still loading. Open unless a test holds it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeldLoadHooks extends LoadHooks {

    /** One point of the load. */
    public static final class Gate {
        private volatile CountDownLatch open = new CountDownLatch(0);
        private volatile CountDownLatch reached = new CountDownLatch(1);

        /** The next load stops here until {@link #release()}. */
        public void hold() {
            reached = new CountDownLatch(1);
            open = new CountDownLatch(1);
        }

        public void release() {
            open.countDown();
        }

        /** Waits until a held load has reached this point. */
        public void awaitReached() throws InterruptedException {
            if (!reached.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("The load did not reach the held point");
            }
        }

        void pass() {
            reached.countDown();
            try {
                if (!open.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("A held load was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Static: a test reaches the bean through its client proxy, whose fields are not the bean's. */
    public static final Gate CURRENT = new Gate();
    public static final Gate HISTORY = new Gate();

    @Override
    public void currentLoaded() {
        CURRENT.pass();
    }

    @Override
    public void historyLoaded() {
        HISTORY.pass();
    }
}
